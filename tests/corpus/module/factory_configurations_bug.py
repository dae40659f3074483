"""Two factories build one class in two configurations (a basic and a widening block), as torchvision's resnet18()
and resnet50() do; the head must fit both. It is sized for the basic block only, which the wide configuration exposes."""

import torch
import torch.nn as nn


class Block(nn.Module):
    expansion = 1

    def __init__(self, planes):
        super().__init__()
        self.conv = nn.Conv2d(planes, planes * self.expansion, 3, padding=1)

    def forward(self, x):
        return self.conv(x)


class Wide(Block):
    expansion = 2


class Net(nn.Module):
    def __init__(self, block, widths):
        super().__init__()
        self.stem = nn.Conv2d(3, widths[0], 3, padding=1)
        self.blocks = nn.Sequential(*[block(w) for w in widths])
        self.fc = nn.Linear(widths[-1], 10)  # expect: SHP001

    def forward(self, x):
        return self.fc(self.blocks(self.stem(x)).mean((2, 3)))


def net_small():
    return Net(Block, [16, 16])


def net_wide():
    return Net(Wide, [16, 32])


def check():
    net_small()(torch.randn(2, 3, 8, 8))
    net_wide()(torch.randn(2, 3, 8, 8))


if __name__ == "__main__":
    check()
