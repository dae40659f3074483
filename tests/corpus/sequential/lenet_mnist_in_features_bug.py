"""LeNet copied from the CIFAR tutorial onto 28x28 MNIST: the flatten size is 16 * 4 * 4."""
import torch
import torch.nn as nn

# shapelint: input=(B, 1, 28, 28)
lenet = nn.Sequential(
    nn.Conv2d(1, 6, 5),
    nn.ReLU(),
    nn.MaxPool2d(2, 2),
    nn.Conv2d(6, 16, 5),
    nn.ReLU(),
    nn.MaxPool2d(2, 2),
    nn.Flatten(),
    nn.Linear(16 * 5 * 5, 120),  # expect: SHP001
    nn.ReLU(),
    nn.Linear(120, 84),
    nn.ReLU(),
    nn.Linear(84, 10),
)


def check() -> None:
    with torch.no_grad():
        lenet(torch.randn(2, 1, 28, 28))
