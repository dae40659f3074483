"""A width variable reassigned after the first use; the second head still uses the old literal."""
import torch
import torch.nn as nn

hidden = 64
small = nn.Sequential(nn.Linear(10, hidden), nn.ReLU(), nn.Linear(64, 1))
hidden = 128
large = nn.Sequential(nn.Linear(10, hidden), nn.ReLU(), nn.Linear(64, 1))  # expect: SHP001


def check() -> None:
    with torch.no_grad():
        small(torch.randn(2, 10))
        large(torch.randn(2, 10))
