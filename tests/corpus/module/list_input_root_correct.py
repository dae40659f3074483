"""A block whose forward takes a list of tensors and concatenates them, as DLA's aggregation node does."""

import torch
import torch.nn as nn


class Root(nn.Module):
    def __init__(self, out_channels):
        super().__init__()
        self.conv = nn.Conv2d(2 * out_channels, out_channels, 1)

    def forward(self, xs):
        return self.conv(torch.cat(xs, 1))


class Tree(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.left = nn.Conv2d(channels, channels, 3, padding=1)
        self.right = nn.Conv2d(channels, channels, 3, padding=1)
        self.root = Root(channels)

    def forward(self, x):
        a = self.left(x)
        b = self.right(a)
        return self.root([a, b])


def check():
    Tree(16)(torch.randn(2, 16, 8, 8))


if __name__ == "__main__":
    check()
