"""A size written with a module-level name (DIM * 2) after a layer that gives DIM * 4: the fix writes the
producing layer's expression, which holds whatever DIM is, so it is safe."""
import torch
from torch import nn

DIM = 256

transformer_mlp = nn.Sequential(  # shapelint: input=(B, 16, 256)
    nn.LayerNorm(DIM),
    nn.Linear(DIM, DIM * 4),
    nn.GELU(),
    nn.Linear(DIM * 2, DIM),
)


def check() -> None:
    transformer_mlp(torch.rand(2, 16, DIM))
