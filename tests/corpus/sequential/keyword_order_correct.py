"""Keyword arguments in an unusual order: out_features first, in_features second."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 30)
    nn.Linear(out_features=60, in_features=30),
    nn.ReLU(),
    nn.Linear(out_features=5, in_features=60),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 30))
