"""Pre-activation blocks (kuangliu's pytorch-cifar): the shortcut exists only where the block changes the shape,
and ``forward`` asks ``hasattr(self, 'shortcut')``."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class PreActBlock(nn.Module):
    def __init__(self, in_planes, planes, stride=1):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(in_planes)
        self.conv1 = nn.Conv2d(in_planes, planes, 3, stride, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        if stride != 1 or in_planes != planes:
            self.shortcut = nn.Sequential(nn.Conv2d(in_planes, planes, 1, stride, bias=False))

    def forward(self, x):
        out = F.relu(self.bn1(x))
        shortcut = self.shortcut(out) if hasattr(self, "shortcut") else x
        out = self.conv1(out)
        out = self.conv2(F.relu(self.bn2(out)))
        return out + shortcut


class PreActNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 16, 3, padding=1)
        self.layer1 = PreActBlock(16, 16)
        self.layer2 = PreActBlock(16, 32, stride=2)
        self.linear = nn.Linear(32 * 4 * 4, 10)

    def forward(self, x):
        out = self.layer2(self.layer1(self.stem(x)))
        out = F.avg_pool2d(out, 4)
        return self.linear(out.view(out.size(0), -1))


def check():
    PreActNet()(torch.randn(2, 3, 32, 32))


if __name__ == "__main__":
    check()
