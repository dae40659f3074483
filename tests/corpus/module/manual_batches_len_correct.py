"""A tabular MLP trained on batches cut by hand: ``range(0, len(X), 32)`` and ``X[i:i + 32]``, as Kaggle notebooks
write it.  Each BatchNorm1d is sized for the Linear before it."""

import torch
import torch.nn as nn

model = nn.Sequential(
    nn.Linear(20, 64),
    nn.BatchNorm1d(64),
    nn.ReLU(),
    nn.Linear(64, 32),
    nn.BatchNorm1d(32),
    nn.ReLU(),
    nn.Linear(32, 1),
)


def check():
    features, targets = torch.randn(256, 20), torch.randn(256, 1)
    for i in range(0, len(features), 32):
        nn.functional.mse_loss(model(features[i : i + 32]), targets[i : i + 32])
