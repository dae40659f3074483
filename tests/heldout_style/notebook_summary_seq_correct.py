"""Notebook: a top-level Sequential CNN whose input comes only from the torchsummary call in a later cell."""
import torch
import torch.nn as nn
try:
    from torchsummary import summary
except ImportError:
    def summary(model, input_size):
        print(model, input_size)

model = nn.Sequential(
    nn.Conv2d(3, 32, 3, padding=1),
    nn.BatchNorm2d(32),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding=1),
    nn.BatchNorm2d(64),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(64 * 8 * 8, 128),
    nn.ReLU(),
    nn.Linear(128, 10),
)

summary(model, (3, 32, 32))


def check() -> None:
    model(torch.randn(2, 3, 32, 32))
