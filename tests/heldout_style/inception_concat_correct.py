"""GoogLeNet-style inception module: four branches concatenated on channels, then a 1x1 reduction."""
import torch
import torch.nn as nn


class Inception(nn.Module):  # shapelint: input=(B, 32, 16, 16)
    def __init__(self):
        super().__init__()
        self.b1 = nn.Conv2d(32, 16, kernel_size=1)
        self.b2 = nn.Sequential(nn.Conv2d(32, 24, kernel_size=1), nn.ReLU(True), nn.Conv2d(24, 32, kernel_size=3, padding=1))
        self.b3 = nn.Sequential(nn.Conv2d(32, 4, kernel_size=1), nn.ReLU(True), nn.Conv2d(4, 8, kernel_size=5, padding=2))
        self.b4 = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1), nn.Conv2d(32, 8, kernel_size=1))
        self.reduce = nn.Conv2d(16 + 32 + 8 + 8, 32, kernel_size=1)
        self.bn = nn.BatchNorm2d(32)

    def forward(self, x):
        out = torch.cat([self.b1(x), self.b2(x), self.b3(x), self.b4(x)], dim=1)
        return torch.relu(self.bn(self.reduce(out)))


def check() -> None:
    with torch.no_grad():
        Inception().eval()(torch.randn(2, 32, 16, 16))
