"""A layer after *[... for a, b in zip(widths, widths[1:])]: an MLP built from a widths list."""
import torch
from torch import nn

widths = [20, 64, 128, 64]
mlp = nn.Sequential(  # shapelint: input=(B, 20)
    *[nn.Sequential(nn.Linear(a, b), nn.ReLU()) for a, b in zip(widths, widths[1:])],
    nn.Linear(128, 1),
)


def check() -> None:
    mlp(torch.rand(2, 20))
