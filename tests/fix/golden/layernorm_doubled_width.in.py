"""A block whose expansion is made by a helper the block cannot see into, built at two widths: the norm after it is
sized with the block's width, where the expansion doubles it.  The fix writes 2 * hidden, which both widths
confirm."""

import torch
from torch import nn


def expand(dim):
    return nn.Sequential(nn.Linear(dim, dim * 2), nn.GELU())


class Block(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.up = expand(hidden)
        self.norm = nn.LayerNorm(hidden)

    def forward(self, x):
        return self.norm(self.up(x))


def check() -> None:
    Block(8)(torch.rand(2, 8))
    Block(16)(torch.rand(2, 16))


if __name__ == "__main__":
    check()
