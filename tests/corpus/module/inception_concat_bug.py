"""An Inception module whose post-concat BatchNorm forgets the pooling branch."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Inception(nn.Module):  # shapelint: input=(B, 16, 12, 12)
    def __init__(self, in_channels=16, ch1x1=8, ch3x3red=8, ch3x3=12, ch5x5red=4, ch5x5=4, pool_proj=4):
        super().__init__()
        self.branch1 = nn.Conv2d(in_channels, ch1x1, kernel_size=1)
        self.branch2 = nn.Sequential(
            nn.Conv2d(in_channels, ch3x3red, kernel_size=1),
            nn.Conv2d(ch3x3red, ch3x3, kernel_size=3, padding=1),
        )
        self.branch3 = nn.Sequential(
            nn.Conv2d(in_channels, ch5x5red, kernel_size=1),
            nn.Conv2d(ch5x5red, ch5x5, kernel_size=5, padding=2),
        )
        self.branch4 = nn.Sequential(
            nn.MaxPool2d(kernel_size=3, stride=1, padding=1),
            nn.Conv2d(in_channels, pool_proj, kernel_size=1),
        )
        self.bn = nn.BatchNorm2d(ch1x1 + ch3x3 + ch5x5)  # expect: SHP003

    def forward(self, x):
        outputs = [self.branch1(x), self.branch2(x), self.branch3(x), self.branch4(x)]
        return F.relu(self.bn(torch.cat(outputs, 1)))


def check() -> None:
    with torch.no_grad():
        Inception().eval()(torch.randn(2, 16, 12, 12))
