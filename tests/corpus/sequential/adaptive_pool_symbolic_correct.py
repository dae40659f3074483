"""Adaptive pooling makes the head independent of the (symbolic) image size."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, H, W)
    nn.Conv2d(3, 16, 3, padding=1),
    nn.ReLU(),
    nn.Conv2d(16, 32, 3, stride=2, padding=1),
    nn.ReLU(),
    nn.AdaptiveAvgPool2d((1, 1)),
    nn.Flatten(),
    nn.Linear(32, 5),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 3, 40, 52))
        model(torch.randn(2, 3, 17, 9))
