"""A width shared through a name (HIDDEN) after a layer that gives 32: the fix writes that layer's 32 at this
argument only, HIDDEN's other uses untouched, so it is safe."""
import torch
import torch.nn as nn

HIDDEN = 64

mlp = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(HIDDEN, 10))  # shapelint: input=(B, 20)


def check() -> None:
    with torch.no_grad():
        mlp(torch.rand(2, 20))
