"""A width shared through a name: replacing the name is unsafe, so only --unsafe-fixes rewrites it."""
import torch
import torch.nn as nn

HIDDEN = 64

mlp = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(HIDDEN, 10))  # shapelint: input=(B, 20)


def check() -> None:
    with torch.no_grad():
        mlp(torch.rand(2, 20))
