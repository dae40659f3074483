"""Flatten(1, 2) merges channels and height and leaves width last for the Linear."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 4, 6, 10)
    nn.Flatten(1, 2),
    nn.Linear(10, 5),
    nn.Flatten(),
    nn.Linear(24 * 5, 3),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 4, 6, 10))
