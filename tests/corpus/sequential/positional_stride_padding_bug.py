"""Positional conv hyperparameters; the head was sized as if the stem did not stride."""
import torch
import torch.nn as nn

net = nn.Sequential(  # shapelint: input=(B, 3, 64, 64)
    nn.Conv2d(3, 16, 7, 2, 3),
    nn.ReLU(True),
    nn.MaxPool2d(3, 2, 1),
    nn.Conv2d(16, 32, 3, 2, 1),
    nn.ReLU(True),
    nn.Flatten(),
    nn.Linear(32 * 16 * 16, 10),  # expect: SHP001
)


def check() -> None:
    with torch.no_grad():
        net(torch.randn(2, 3, 64, 64))
