"""A CNN whose blocks and widths come from another file of its package."""

import torch
import torch.nn as nn

from .layers import HIDDEN, ConvBnAct


class SmallNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = ConvBnAct(3, 32, stride=2)
        self.body = ConvBnAct(32, HIDDEN, stride=2)
        self.fc = nn.Linear(32 * 8 * 8, 10)  # expect: SHP001

    def forward(self, x):
        x = self.body(self.stem(x))
        return self.fc(torch.flatten(x, 1))


def check():
    SmallNet()(torch.randn(2, 3, 32, 32))


if __name__ == "__main__":
    check()
