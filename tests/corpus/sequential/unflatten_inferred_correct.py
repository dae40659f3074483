"""Unflatten with -1 lets torch infer one size: 96 features become (6, 4, 4)."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 12)
    nn.Linear(12, 96),
    nn.Unflatten(1, (-1, 4, 4)),
    nn.Conv2d(6, 3, 3, padding=1),
)


def check() -> None:
    with torch.no_grad():
        assert model(torch.randn(2, 12)).shape == (2, 3, 4, 4)
