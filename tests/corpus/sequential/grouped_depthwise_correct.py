"""MobileNet-style block: grouped conv, depthwise conv (groups == channels), pointwise conv."""
import torch
import torch.nn as nn

block = nn.Sequential(  # shapelint: input=(B, 32, 16, 16)
    nn.Conv2d(32, 64, 3, padding=1, groups=4, bias=False),
    nn.BatchNorm2d(64),
    nn.ReLU6(inplace=True),
    nn.Conv2d(64, 64, 3, stride=2, padding=1, groups=64, bias=False),
    nn.BatchNorm2d(64),
    nn.ReLU6(inplace=True),
    nn.Conv2d(64, 24, 1, bias=False),
    nn.BatchNorm2d(24),
)


def check() -> None:
    block.eval()
    with torch.no_grad():
        assert block(torch.randn(2, 32, 16, 16)).shape == (2, 24, 8, 8)
