"""A floor-division expression: 28 // 4 * 28 // 4 * 32 computed for a wrong pooling count."""
import torch
from torch import nn

cnn = nn.Sequential(  # shapelint: input=(B, 1, 28, 28)
    nn.Conv2d(1, 32, 3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(6272, 10),
)


def check() -> None:
    cnn(torch.rand(2, 1, 28, 28))
