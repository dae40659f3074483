"""A Linear applied to the last (width) dim of a 4-D map, as in MLP-Mixer token mixing."""
import torch
import torch.nn as nn

mixer = nn.Sequential(  # shapelint: input=(B, 8, 4, 16)
    nn.Linear(16, 32),
    nn.GELU(),
    nn.Linear(32, 16),
    nn.Conv2d(8, 8, 1),
)


def check() -> None:
    with torch.no_grad():
        assert mixer(torch.randn(2, 8, 4, 16)).shape == (2, 8, 4, 16)
