"""User-defined blocks chained in a Sequential."""
import torch
import torch.nn as nn


class ConvBlock(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, 3, padding=1)
        self.bn = nn.BatchNorm2d(cout)

    def forward(self, x):
        return torch.relu(self.bn(self.conv(x)))


encoder = nn.Sequential(  # shapelint: input=(B, 3, 16, 16)
    ConvBlock(3, 16),
    ConvBlock(16, 32),
    nn.MaxPool2d(2),
)


def check() -> None:
    encoder.eval()
    with torch.no_grad():
        encoder(torch.randn(2, 3, 16, 16))
