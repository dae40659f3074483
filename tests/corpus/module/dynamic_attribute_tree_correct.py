"""Deep Layer Aggregation's tree (kuangliu's pytorch-cifar): subtrees are registered with
``self.__setattr__('level_%d' % i, ...)`` and fetched back with ``self.__getattr__``."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, in_planes, planes, stride=1):
        super().__init__()
        self.conv = nn.Conv2d(in_planes, planes, 3, stride, 1)

    def forward(self, x):
        return F.relu(self.conv(x))


class Tree(nn.Module):
    def __init__(self, in_channels, out_channels, level=1, stride=1):
        super().__init__()
        self.level = level
        for i in reversed(range(1, level)):
            self.__setattr__("level_%d" % i, Tree(in_channels, out_channels, level=i, stride=stride))
            in_channels = out_channels
            stride = 1
        self.node = Block(in_channels, out_channels, stride)

    def forward(self, x):
        for i in reversed(range(1, self.level)):
            x = self.__getattr__("level_%d" % i)(x)
        return self.node(x)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.tree = Tree(3, 16, level=3, stride=2)
        self.linear = nn.Linear(16 * 16 * 16, 10)

    def forward(self, x):
        return self.linear(self.tree(x).flatten(1))


def check():
    Net()(torch.randn(2, 3, 32, 32))


if __name__ == "__main__":
    check()
