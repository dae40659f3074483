"""Layers imported by name from torch.nn, widths chaining."""
import torch
from torch.nn import Linear, ReLU, Sequential, Tanh

regressor = Sequential(  # shapelint: input=(B, 13)
    Linear(13, 64),
    Tanh(),
    Linear(64, 32),
    ReLU(),
    Linear(32, 1),
)


def check() -> None:
    with torch.no_grad():
        regressor(torch.randn(2, 13))
