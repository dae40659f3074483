"""A transformer-style block that normalizes with the functional forms (F.layer_norm over the last dimension, F.rms_norm with a learned weight), as nanoGPT-like code does."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, dim=32, hidden=64):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.up = nn.Linear(dim, hidden)
        self.down = nn.Linear(hidden, dim)

    def forward(self, x):
        h = F.layer_norm(x, (x.size(-1),))
        h = self.down(F.gelu(self.up(h)))
        return F.rms_norm(x + h, x.shape[-1:], self.weight)


def check() -> None:
    with torch.no_grad():
        Block()(torch.randn(2, 10, 32))


if __name__ == "__main__":
    Block()(torch.randn(2, 10, 32))
