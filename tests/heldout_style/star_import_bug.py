"""`from torch.nn import *` script where the BatchNorm after the second conv keeps the first width."""
import torch
from torch.nn import *

net = Sequential(  # shapelint: input=(B, 2, 16, 16)
    Conv2d(2, 8, 3, padding=1),
    BatchNorm2d(8),
    ReLU(),
    Conv2d(8, 16, 3, padding=1),
    BatchNorm2d(8),  # expect: SHP003
    ReLU(),
)


def check() -> None:
    with torch.no_grad():
        net(torch.randn(2, 2, 16, 16))
