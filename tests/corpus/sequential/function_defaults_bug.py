"""A factory with default sizes; its last layer is sized for half the hidden width."""
import torch
import torch.nn as nn


def make_mlp(in_dim=784, hidden=256, num_classes=10):
    return nn.Sequential(
        nn.Linear(in_dim, hidden),
        nn.ReLU(),
        nn.Linear(hidden, hidden),
        nn.ReLU(),
        nn.Linear(hidden // 2, num_classes),  # expect: SHP001
    )


model = make_mlp()


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 784))
