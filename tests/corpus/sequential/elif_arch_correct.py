"""Widths chosen by an if/elif chain on an architecture name."""
import torch
import torch.nn as nn

ARCH = "small"
if ARCH == "tiny":
    width = 16
elif ARCH == "small":
    width = 32
else:
    width = 64

model = nn.Sequential(  # shapelint: input=(B, 3, 8, 8)
    nn.Conv2d(3, width, 3, padding=1),
    nn.ReLU(),
    nn.AdaptiveAvgPool2d(1),
    nn.Flatten(),
    nn.Linear(width, 10),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 3, 8, 8))
