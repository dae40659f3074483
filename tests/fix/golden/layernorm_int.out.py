"""LayerNorm's normalized_shape written as an int, after a projection that changed the width."""
import torch
import torch.nn as nn

projection = nn.Sequential(  # shapelint: input=(B, 50, 256)
    nn.Linear(256, 512),
    nn.LayerNorm(512),
    nn.GELU(),
)


def check() -> None:
    projection(torch.rand(2, 50, 256))
