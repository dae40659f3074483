"""A squeeze-excitation block whose expansion Linear uses the wrong reduction ratio."""
import torch
import torch.nn as nn


class SEBlock(nn.Module):  # shapelint: input=(B, 32, 12, 12)
    def __init__(self, channels=32, groups=8, reduction=4):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=2, dilation=2, groups=groups, bias=False)
        self.bn = nn.BatchNorm2d(channels)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc1 = nn.Linear(channels, channels // reduction)
        self.fc2 = nn.Linear(channels // 2, channels)  # expect: SHP001

    def forward(self, x):
        out = torch.relu(self.bn(self.conv(x)))
        w = self.pool(out).flatten(1)
        w = torch.sigmoid(self.fc2(torch.relu(self.fc1(w))))
        return x + out * w.view(w.size(0), -1, 1, 1)


def check() -> None:
    with torch.no_grad():
        SEBlock().eval()(torch.randn(2, 32, 12, 12))
