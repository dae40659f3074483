"""LeNet-5 as one Sequential, on 32x32 CIFAR-style images (16 * 5 * 5 is right here)."""
import torch
import torch.nn as nn

# shapelint: input=(B, 3, 32, 32)
lenet = nn.Sequential(
    nn.Conv2d(3, 6, 5),
    nn.ReLU(),
    nn.MaxPool2d(2, 2),
    nn.Conv2d(6, 16, 5),
    nn.ReLU(),
    nn.MaxPool2d(2, 2),
    nn.Flatten(),
    nn.Linear(16 * 5 * 5, 120),
    nn.ReLU(),
    nn.Linear(120, 84),
    nn.ReLU(),
    nn.Linear(84, 10),
)


def check() -> None:
    with torch.no_grad():
        lenet(torch.randn(2, 3, 32, 32))
