"""Unflatten asks for 32 x 4 x 4 = 512 features out of a 256-wide Linear."""
import torch
import torch.nn as nn

decoder = nn.Sequential(  # shapelint: input=(B, 8)
    nn.Linear(8, 256),
    nn.ReLU(),
    nn.Unflatten(1, (32, 4, 4)),  # expect: SHP006
    nn.ConvTranspose2d(32, 1, 2, stride=2),
)


def check() -> None:
    with torch.no_grad():
        decoder(torch.randn(2, 8))
