"""Dilated convolutions (DeepLab/WaveNet style) with padding equal to the dilation."""
import torch
import torch.nn as nn

context = nn.Sequential(  # shapelint: input=(B, 16, 20, 20)
    nn.Conv2d(16, 16, 3, padding=1, dilation=1),
    nn.ReLU(),
    nn.Conv2d(16, 16, 3, padding=2, dilation=2),
    nn.ReLU(),
    nn.Conv2d(16, 16, 3, padding=4, dilation=4),
    nn.ReLU(),
    nn.Conv2d(16, 8, 3, dilation=3),
    nn.Flatten(),
    nn.Linear(8 * 14 * 14, 2),
)


def check() -> None:
    with torch.no_grad():
        context(torch.randn(2, 16, 20, 20))
