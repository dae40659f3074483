"""A Linear after torch.cat of two branches: the fusion layer counts only one branch."""
import torch
from torch import nn


class LateFusion(nn.Module):  # shapelint: input=(B, 40)
    def __init__(self):
        super().__init__()
        self.audio = nn.Sequential(nn.Linear(40, 64), nn.ReLU())
        self.context = nn.Sequential(nn.Linear(40, 32), nn.ReLU())
        self.fuse = nn.Linear(96, 8)

    def forward(self, x):
        return self.fuse(torch.cat([self.audio(x), self.context(x)], dim=1))


def check() -> None:
    LateFusion()(torch.rand(2, 40))
