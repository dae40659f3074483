"""LeNet's classifier with in_features written as a constant expression and passed by keyword."""
import torch
import torch.nn as nn

lenet = nn.Sequential(  # shapelint: input=(B, 1, 28, 28)
    nn.Conv2d(1, 6, kernel_size=5, padding=2),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(6, 16, kernel_size=5),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(in_features=16 * 5 * 5, out_features=120),
    nn.ReLU(),
    nn.Linear(120, 10),
)


def check() -> None:
    with torch.no_grad():
        lenet(torch.rand(2, 1, 28, 28))
