"""A directive with symbolic channels: nothing can be said about the first conv's in_channels."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, C, H, W)
    nn.Conv2d(3, 16, 3, padding=1),
    nn.ReLU(),
    nn.AdaptiveAvgPool2d(4),
    nn.Flatten(),
    nn.Linear(16 * 4 * 4, 10),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 3, 21, 13))
