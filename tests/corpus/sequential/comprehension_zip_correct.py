"""An MLP from a list of sizes via a comprehension over zip(sizes, sizes[1:])."""
import torch
import torch.nn as nn

sizes = [64, 128, 128, 32]
mlp = nn.Sequential(  # shapelint: input=(B, 64)
    *[nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:])],
    nn.Linear(sizes[-1], 1),
)


def check() -> None:
    with torch.no_grad():
        mlp(torch.randn(2, 64))
