"""Two wrong sizes on one line, a convolution and the BatchNorm after it, fixed in one pass."""
import torch
from torch import nn

block = nn.Sequential(  # shapelint: input=(B, 32, 16, 16)
    nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(),
    nn.Conv2d(64, 128, 3, padding=1), nn.BatchNorm2d(128), nn.ReLU(),
)


def check() -> None:
    block.eval()(torch.rand(2, 32, 16, 16))
