"""Inverted residual written out by hand; the projection conv takes the input width, not the expanded one."""
import torch
import torch.nn as nn


class InvertedResidual(nn.Module):  # shapelint: input=(B, 16, 8, 8)
    def __init__(self, inp=16, expand_ratio=4):
        super().__init__()
        hidden = inp * expand_ratio
        self.expand = nn.Sequential(nn.Conv2d(inp, hidden, 1, bias=False), nn.BatchNorm2d(hidden), nn.ReLU6(inplace=True))
        self.depthwise = nn.Sequential(
            nn.Conv2d(hidden, hidden, 3, 1, 1, groups=hidden, bias=False),
            nn.BatchNorm2d(hidden),
            nn.ReLU6(inplace=True),
        )
        self.project = nn.Conv2d(16, inp, 1, bias=False)  # expect: SHP002
        self.bn = nn.BatchNorm2d(inp)

    def forward(self, x):
        return x + self.bn(self.project(self.depthwise(self.expand(x))))


def check() -> None:
    with torch.no_grad():
        InvertedResidual().eval()(torch.randn(2, 16, 8, 8))
