"""Layers collected in a list literal and unpacked with `*`."""
import torch
import torch.nn as nn

layers = [
    nn.Conv2d(3, 8, 3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(8, 16, 3, padding=1),
    nn.ReLU(),
    nn.AdaptiveAvgPool2d(1),
    nn.Flatten(),
    nn.Linear(8, 2),  # expect: SHP001
]
model = nn.Sequential(*layers)  # shapelint: input=(B, 3, 24, 24)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 3, 24, 24))
