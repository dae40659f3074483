"""Two factories build one class in two configurations, and the head is a number: the basic block needs 16, the
widening one 64, and no expression in the class's names gives both (the widening comes from the blocks' own
``expansion``, which the head's scope cannot read), so no fix is offered and the message names both."""

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
        self.fc = nn.Linear(16, 10)  # expect: SHP001

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
