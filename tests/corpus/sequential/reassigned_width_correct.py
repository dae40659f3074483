"""A width variable reassigned before use: the later value is the one the Sequential sees."""
import torch
import torch.nn as nn

hidden = 64
small = nn.Sequential(nn.Linear(10, hidden), nn.ReLU(), nn.Linear(64, 1))
hidden = 128
large = nn.Sequential(nn.Linear(10, hidden), nn.ReLU(), nn.Linear(128, 1))


def check() -> None:
    with torch.no_grad():
        small(torch.randn(2, 10))
        large(torch.randn(2, 10))
