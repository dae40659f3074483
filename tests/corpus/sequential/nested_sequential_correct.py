"""Stages as nested Sequentials, one of them defined separately and reused by name."""
import torch
import torch.nn as nn

stage1 = nn.Sequential(
    nn.Conv2d(3, 16, 3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
)
model = nn.Sequential(  # shapelint: input=(B, 3, 32, 32)
    stage1,
    nn.Sequential(
        nn.Conv2d(16, 32, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
    ),
    nn.Sequential(
        nn.Flatten(),
        nn.Linear(32 * 8 * 8, 10),
    ),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 3, 32, 32))
