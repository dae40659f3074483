"""A Sequential returned from a function, its directive on the return line."""
import torch
import torch.nn as nn


def encoder():
    return nn.Sequential(  # shapelint: input=(B, 1, 28, 28)
        nn.Conv2d(1, 8, 3, stride=2, padding=1),
        nn.ReLU(),
        nn.Conv2d(8, 16, 3, stride=2, padding=1),
        nn.ReLU(),
        nn.Flatten(),
        nn.Linear(16 * 6 * 6, 32),  # expect: SHP001
    )


def check() -> None:
    with torch.no_grad():
        encoder()(torch.randn(2, 1, 28, 28))
