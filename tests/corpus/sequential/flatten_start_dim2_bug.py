"""Flatten(start_dim=2) followed by a Linear sized as if every dim after the batch were flattened."""
import torch
import torch.nn as nn

per_channel = nn.Sequential(  # shapelint: input=(B, 8, 6, 6)
    nn.Flatten(start_dim=2),
    nn.Linear(8 * 6 * 6, 12),  # expect: SHP001
)


def check() -> None:
    with torch.no_grad():
        per_channel(torch.randn(2, 8, 6, 6))
