"""Flatten then BatchNorm1d over the flattened features, sized for the channel count only."""
import torch
import torch.nn as nn

head = nn.Sequential(  # shapelint: input=(B, 16, 4, 4)
    nn.Flatten(),
    nn.BatchNorm1d(16),  # expect: SHP003
    nn.Linear(16 * 4 * 4, 10),
)


def check() -> None:
    head.eval()
    with torch.no_grad():
        head(torch.randn(2, 16, 4, 4))
