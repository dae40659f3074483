"""Identical hidden layers from range()."""
import torch
import torch.nn as nn

depth = 3
hidden = 64
mlp = nn.Sequential(  # shapelint: input=(B, 10)
    nn.Linear(10, hidden),
    *[nn.Sequential(nn.Linear(hidden, hidden), nn.SiLU()) for _ in range(depth)],
    nn.Linear(hidden, 1),
)


def check() -> None:
    with torch.no_grad():
        mlp(torch.randn(2, 10))
