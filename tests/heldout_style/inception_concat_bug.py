"""Inception module whose 1x1 reduction forgot the pooling branch's 8 channels in the concat."""
import torch
import torch.nn as nn


class Inception(nn.Module):  # shapelint: input=(B, 32, 16, 16)
    def __init__(self):
        super().__init__()
        self.b1 = nn.Conv2d(32, 16, kernel_size=1)
        self.b2 = nn.Conv2d(32, 32, kernel_size=3, padding=1)
        self.b3 = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1), nn.Conv2d(32, 8, kernel_size=1))
        self.reduce = nn.Conv2d(16 + 32, 32, kernel_size=1)  # expect: SHP002

    def forward(self, x):
        return self.reduce(torch.cat([self.b1(x), self.b2(x), self.b3(x)], dim=1))


def check() -> None:
    with torch.no_grad():
        Inception()(torch.randn(2, 32, 16, 16))
