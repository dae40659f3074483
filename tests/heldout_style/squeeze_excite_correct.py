"""Squeeze-and-excitation gate: `b, c, _, _ = x.size()`, Linear over channels, view back and scale."""
import torch
import torch.nn as nn


class SELayer(nn.Module):  # shapelint: input=(B, 64, 8, 8)
    def __init__(self, channel=64, reduction=16):
        super().__init__()
        self.avg_pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Sequential(
            nn.Linear(channel, channel // reduction, bias=False),
            nn.ReLU(inplace=True),
            nn.Linear(channel // reduction, channel, bias=False),
            nn.Sigmoid(),
        )

    def forward(self, x):
        b, c, _, _ = x.size()
        y = self.avg_pool(x).view(b, c)
        y = self.fc(y).view(b, c, 1, 1)
        return x * y.expand_as(x)


def check() -> None:
    with torch.no_grad():
        SELayer()(torch.randn(2, 64, 8, 8))
