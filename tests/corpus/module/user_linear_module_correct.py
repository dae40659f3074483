"""A project module named `Linear` (a LoRA-style wrapper) whose signature differs from torch's."""
import torch
import torch.nn as nn


class Linear(nn.Module):
    """Low-rank update on top of a frozen projection: Linear(rank, base)."""

    def __init__(self, rank: int, base: nn.Linear) -> None:
        super().__init__()
        self.base = base
        self.down = nn.Linear(base.in_features, rank, bias=False)
        self.up = nn.Linear(rank, base.out_features, bias=False)

    def forward(self, x):
        return self.base(x) + self.up(self.down(x))


class Net(nn.Module):  # shapelint: input=(B, 64)
    def __init__(self):
        super().__init__()
        self.fc1 = Linear(4, nn.Linear(64, 32))
        self.fc2 = nn.Linear(32, 8)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


def check() -> None:
    with torch.no_grad():
        Net()(torch.randn(2, 64))
