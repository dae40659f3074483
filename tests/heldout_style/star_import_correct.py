"""Quick-and-dirty script style: `from torch.nn import *`."""
import torch
from torch.nn import *

net = Sequential(  # shapelint: input=(B, 2, 16, 16)
    Conv2d(2, 8, 3, padding=1),
    BatchNorm2d(8),
    ReLU(),
    MaxPool2d(2),
    Flatten(),
    Linear(8 * 8 * 8, 16),
    LayerNorm(16),
    Linear(16, 1),
)


def check() -> None:
    net.eval()
    with torch.no_grad():
        net(torch.randn(2, 2, 16, 16))
