"""Stages as nested Sequentials; the classifier was sized for three poolings, there are two."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, 32, 32)
    nn.Sequential(
        nn.Conv2d(3, 16, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
    ),
    nn.Sequential(
        nn.Conv2d(16, 32, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
    ),
    nn.Sequential(
        nn.Flatten(),
        nn.Linear(32 * 4 * 4, 10),  # expect: SHP001
    ),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 3, 32, 32))
