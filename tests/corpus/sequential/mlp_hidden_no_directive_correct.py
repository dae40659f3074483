"""Two hidden layers that chain; checked without an input directive."""
import torch
import torch.nn as nn

model = nn.Sequential(
    nn.Linear(784, 256),
    nn.ReLU(),
    nn.Dropout(0.2),
    nn.Linear(256, 10),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 784))
