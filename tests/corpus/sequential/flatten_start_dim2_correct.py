"""Flatten(start_dim=2) keeps channels: each channel's pixels become one feature vector."""
import torch
import torch.nn as nn

per_channel = nn.Sequential(  # shapelint: input=(B, 8, 6, 6)
    nn.Flatten(start_dim=2),
    nn.Linear(36, 12),
    nn.ReLU(),
    nn.Linear(12, 4),
)


def check() -> None:
    with torch.no_grad():
        assert per_channel(torch.randn(2, 8, 6, 6)).shape == (2, 8, 4)
