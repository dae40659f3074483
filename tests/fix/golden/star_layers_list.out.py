"""A layer inside nn.Sequential(*layers) where layers is a list literal extended with a classifier."""
import torch
from torch import nn

layers = [
    nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
]
layers += [nn.Flatten(), nn.Linear(64 * 7 * 7, 10)]
model = nn.Sequential(*layers)  # shapelint: input=(B, 1, 28, 28)


def check() -> None:
    model(torch.rand(2, 1, 28, 28))
