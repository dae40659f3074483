"""A stem made by a helper method, whose width the constructor cannot name, built at two widths: the norm after it
is sized with the constructor's width.  The fix reads the stem's own out_channels, which holds for both."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.stem = self.make_stem(width)
        self.norm = nn.BatchNorm2d(width)

    def make_stem(self, channels):
        return nn.Conv2d(3, channels * 2 + 4, 3, padding=1)

    def forward(self, x):
        return self.norm(self.stem(x))


def check() -> None:
    Net(4).eval()(torch.rand(2, 3, 8, 8))
    Net(8).eval()(torch.rand(2, 3, 8, 8))


if __name__ == "__main__":
    check()
