"""MaxPool2d(ceil_mode=True) rounds odd sizes up: 15 -> 8 -> 4."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 1, 15, 15)
    nn.Conv2d(1, 4, 3, padding=1),
    nn.MaxPool2d(2, ceil_mode=True),
    nn.Conv2d(4, 8, 3, padding=1),
    nn.MaxPool2d(2, stride=2, ceil_mode=True),
    nn.Flatten(),
    nn.Linear(8 * 4 * 4, 3),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 1, 15, 15))
