"""Logistic regression on data drawn from a seeded legacy numpy generator, `np.random.RandomState(0)` (the
PyTorch-Book question of hunt_e): the targets must have the output's (N, 1) shape."""
import numpy as np
import torch
from torch import nn


class LogisticRegression(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(4, 1)

    def forward(self, x):
        return self.linear(x)


def check() -> None:
    rng = np.random.RandomState(0)
    X = torch.tensor(rng.rand(100, 4), dtype=torch.float32)
    y = torch.tensor(rng.randint(0, 2, (100, 1)), dtype=torch.float32)
    net = LogisticRegression()
    nn.BCEWithLogitsLoss()(net(X), y)
