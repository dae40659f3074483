"""A DenseNet block: each layer sees the input plus all earlier growth, concatenated."""
import torch
import torch.nn as nn


class DenseLayer(nn.Module):
    def __init__(self, in_channels, growth):
        super().__init__()
        self.bn = nn.BatchNorm2d(in_channels)
        self.conv = nn.Conv2d(in_channels, growth, 3, padding=1, bias=False)

    def forward(self, x):
        return torch.cat([x, self.conv(torch.relu(self.bn(x)))], 1)


class DenseBlock(nn.Module):  # shapelint: input=(B, 16, 8, 8)
    def __init__(self, in_channels=16, growth=8, n_layers=3):
        super().__init__()
        self.layers = nn.Sequential(*[DenseLayer(in_channels + i * growth, growth) for i in range(n_layers)])
        self.transition = nn.Conv2d(in_channels + n_layers * growth, 16, 1)

    def forward(self, x):
        return self.transition(self.layers(x))


def check() -> None:
    with torch.no_grad():
        DenseBlock().eval()(torch.randn(2, 16, 8, 8))
