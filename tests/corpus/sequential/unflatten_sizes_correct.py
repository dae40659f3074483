"""Unflatten splits 256 features into 16 x 4 x 4."""
import torch
import torch.nn as nn

decoder = nn.Sequential(  # shapelint: input=(B, 8)
    nn.Linear(8, 256),
    nn.ReLU(),
    nn.Unflatten(dim=1, unflattened_size=(16, 4, 4)),
    nn.ConvTranspose2d(16, 1, 2, stride=2),
)


def check() -> None:
    with torch.no_grad():
        assert decoder(torch.randn(2, 8)).shape == (2, 1, 8, 8)
