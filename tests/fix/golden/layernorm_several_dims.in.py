"""LayerNorm over (C, H, W) written as a tuple of three sizes, after a pooling the author forgot."""
import torch
from torch import nn

net = nn.Sequential(  # shapelint: input=(B, 3, 32, 32)
    nn.Conv2d(3, 16, 3, padding=1),
    nn.MaxPool2d(2),
    nn.LayerNorm((16, 32, 32)),
    nn.ReLU(),
)


def check() -> None:
    net(torch.rand(2, 3, 32, 32))
