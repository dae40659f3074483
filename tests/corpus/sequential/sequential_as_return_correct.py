"""Sequentials returned from functions, one with a directive on its return line."""
import torch
import torch.nn as nn


def encoder():
    return nn.Sequential(  # shapelint: input=(B, 1, 28, 28)
        nn.Conv2d(1, 8, 3, stride=2, padding=1),
        nn.ReLU(),
        nn.Conv2d(8, 16, 3, stride=2, padding=1),
        nn.ReLU(),
        nn.Flatten(),
        nn.Linear(16 * 7 * 7, 32),
    )


def decoder():
    return nn.Sequential(
        nn.Linear(32, 16 * 7 * 7),
        nn.ReLU(),
        nn.Unflatten(1, (16, 7, 7)),
        nn.ConvTranspose2d(16, 8, 4, stride=2, padding=1),
        nn.ReLU(),
        nn.ConvTranspose2d(8, 1, 4, stride=2, padding=1),
        nn.Sigmoid(),
    )


def check() -> None:
    with torch.no_grad():
        z = encoder()(torch.randn(2, 1, 28, 28))
        assert decoder()(z).shape == (2, 1, 28, 28)
