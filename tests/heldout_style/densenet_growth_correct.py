"""DenseNet-BC for CIFAR (kuangliu style): bottlenecks concatenate their growth, transitions halve."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class Bottleneck(nn.Module):
    def __init__(self, in_planes, growth_rate):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(in_planes)
        self.conv1 = nn.Conv2d(in_planes, 4 * growth_rate, kernel_size=1, bias=False)
        self.bn2 = nn.BatchNorm2d(4 * growth_rate)
        self.conv2 = nn.Conv2d(4 * growth_rate, growth_rate, kernel_size=3, padding=1, bias=False)

    def forward(self, x):
        out = self.conv1(F.relu(self.bn1(x)))
        out = self.conv2(F.relu(self.bn2(out)))
        return torch.cat([out, x], 1)


class Transition(nn.Module):
    def __init__(self, in_planes, out_planes):
        super().__init__()
        self.bn = nn.BatchNorm2d(in_planes)
        self.conv = nn.Conv2d(in_planes, out_planes, kernel_size=1, bias=False)

    def forward(self, x):
        return F.avg_pool2d(self.conv(F.relu(self.bn(x))), 2)


class DenseNet(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self, nblocks=(2, 2), growth_rate=6, reduction=0.5, num_classes=10):
        super().__init__()
        num_planes = 2 * growth_rate
        self.conv1 = nn.Conv2d(3, num_planes, kernel_size=3, padding=1, bias=False)
        self.dense1 = self._make_dense(num_planes, nblocks[0], growth_rate)
        num_planes += nblocks[0] * growth_rate
        out_planes = int(math.floor(num_planes * reduction))
        self.trans1 = Transition(num_planes, out_planes)
        num_planes = out_planes
        self.dense2 = self._make_dense(num_planes, nblocks[1], growth_rate)
        num_planes += nblocks[1] * growth_rate
        self.bn = nn.BatchNorm2d(num_planes)
        self.linear = nn.Linear(num_planes, num_classes)

    def _make_dense(self, in_planes, nblock, growth_rate):
        layers = []
        for _ in range(nblock):
            layers.append(Bottleneck(in_planes, growth_rate))
            in_planes += growth_rate
        return nn.Sequential(*layers)

    def forward(self, x):
        out = self.trans1(self.dense1(self.conv1(x)))
        out = self.dense2(out)
        out = F.avg_pool2d(F.relu(self.bn(out)), 16)
        out = out.view(out.size(0), -1)
        return self.linear(out)


def check() -> None:
    with torch.no_grad():
        assert DenseNet().eval()(torch.randn(2, 3, 32, 32)).shape == (2, 10)
