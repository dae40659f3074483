"""Sizes forwarded through **kwargs and keyword-only parameters, as in timm-like builders."""
import torch
import torch.nn as nn


class ConvBlock(nn.Module):
    def __init__(self, in_chs, out_chs, *, kernel_size=3, **kwargs):
        super().__init__()
        self.conv = nn.Conv2d(in_chs, out_chs, kernel_size, padding=kernel_size // 2, **kwargs)
        self.bn = nn.BatchNorm2d(out_chs)

    def forward(self, x):
        return torch.relu(self.bn(self.conv(x)))


class Net(nn.Module):  # shapelint: input=(B, 3, 24, 24)
    def __init__(self, **kwargs):
        super().__init__()
        self.block1 = ConvBlock(3, 12, **kwargs)
        self.block2 = ConvBlock(12, 24, kernel_size=5, **kwargs)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(24, 3)

    def forward(self, x):
        x = self.block2(self.block1(x))
        return self.fc(self.pool(x).flatten(1))


def check() -> None:
    with torch.no_grad():
        Net(bias=False).eval()(torch.randn(2, 3, 24, 24))
