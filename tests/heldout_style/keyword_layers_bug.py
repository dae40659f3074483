"""Keyword-spelled MNIST net whose Linear assumes no padding although the convs pad by 2."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(N, 1, 28, 28)
    nn.Conv2d(in_channels=1, out_channels=10, kernel_size=5, padding=2),
    nn.MaxPool2d(kernel_size=2),
    nn.ReLU(),
    nn.Conv2d(in_channels=10, out_channels=20, kernel_size=5, padding=2),
    nn.MaxPool2d(kernel_size=2),
    nn.ReLU(),
    nn.Flatten(),
    nn.Linear(in_features=320, out_features=50),  # expect: SHP001
    nn.Linear(in_features=50, out_features=10),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 1, 28, 28))
