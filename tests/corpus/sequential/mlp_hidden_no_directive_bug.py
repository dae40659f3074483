"""Two hidden layers whose widths disagree; no input shape is needed to see it."""
import torch
import torch.nn as nn

model = nn.Sequential(
    nn.Linear(784, 256),
    nn.ReLU(),
    nn.Dropout(0.2),
    nn.Linear(128, 10),  # expect: SHP001
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 784))
