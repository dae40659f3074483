"""CIFAR ResNet block with the in-place residual `out += self.shortcut(x)`; the head reads the old width."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, in_planes, planes, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(in_planes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.shortcut = nn.Sequential()
        if stride != 1 or in_planes != planes:
            self.shortcut = nn.Sequential(nn.Conv2d(in_planes, planes, 1, stride, bias=False), nn.BatchNorm2d(planes))

    def forward(self, x):
        out = self.bn1(self.conv1(x))
        out += self.shortcut(x)
        return F.relu(out)


class Net(nn.Module):  # shapelint: input=(B, 3, 16, 16)
    def __init__(self):
        super().__init__()
        self.layer1 = Block(3, 16)
        self.layer2 = Block(16, 32, stride=2)
        self.linear = nn.Linear(16, 10)  # expect: SHP001

    def forward(self, x):
        out = self.layer2(self.layer1(x))
        out = F.avg_pool2d(out, 8)
        return self.linear(out.view(out.size(0), -1))


def check() -> None:
    with torch.no_grad():
        Net().eval()(torch.randn(2, 3, 16, 16))
