"""Flatten then BatchNorm1d over all flattened features."""
import torch
import torch.nn as nn

head = nn.Sequential(  # shapelint: input=(B, 16, 4, 4)
    nn.Flatten(),
    nn.BatchNorm1d(16 * 4 * 4),
    nn.Linear(16 * 4 * 4, 10),
)


def check() -> None:
    head.eval()
    with torch.no_grad():
        head(torch.randn(2, 16, 4, 4))
