"""A CIFAR ResNet stem whose BatchNorm was left at torchvision's 64 while the stem conv has 16."""
import torch
import torch.nn as nn


class Stem(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self, width=16):
        super().__init__()
        self.conv1 = nn.Conv2d(3, width, kernel_size=3, stride=1, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(64)  # expect: SHP003
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.relu(self.bn1(self.conv1(x)))


def check() -> None:
    with torch.no_grad():
        Stem().eval()(torch.randn(2, 3, 32, 32))
