"""Depthwise-separable block whose depthwise conv is declared for half the channels."""
import torch
import torch.nn as nn

block = nn.Sequential(  # shapelint: input=(B, 32, 16, 16)
    nn.Conv2d(32, 64, 1, bias=False),
    nn.BatchNorm2d(64),
    nn.ReLU6(inplace=True),
    nn.Conv2d(32, 32, 3, padding=1, groups=32, bias=False),  # expect: SHP002
    nn.BatchNorm2d(32),
    nn.ReLU6(inplace=True),
)


def check() -> None:
    block.eval()
    with torch.no_grad():
        block(torch.randn(2, 32, 16, 16))
