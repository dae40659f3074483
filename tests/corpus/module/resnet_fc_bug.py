"""A small ResNet-like net whose final Linear expects the width before the last stage."""
import torch
import torch.nn as nn


class ResBlock(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(channels, channels, 3, padding=1, bias=False),
            nn.BatchNorm2d(channels),
            nn.ReLU(inplace=True),
            nn.Conv2d(channels, channels, 3, padding=1, bias=False),
            nn.BatchNorm2d(channels),
        )
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.relu(x + self.body(x))


class SmallResNet(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self, num_classes=10):
        super().__init__()
        self.stem = nn.Conv2d(3, 16, 3, padding=1)
        self.stage1 = ResBlock(16)
        self.down = nn.Conv2d(16, 32, 3, stride=2, padding=1)
        self.stage2 = ResBlock(32)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, num_classes)  # expect: SHP001

    def forward(self, x):
        x = self.stage1(self.stem(x))
        x = self.stage2(self.down(x))
        x = self.pool(x).flatten(1)
        return self.fc(x)


def check() -> None:
    with torch.no_grad():
        SmallResNet().eval()(torch.randn(2, 3, 32, 32))
