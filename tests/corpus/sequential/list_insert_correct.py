"""An input layer inserted at the front of an existing layer list."""
import torch
import torch.nn as nn

layers = [nn.Linear(32, 16), nn.ReLU(), nn.Linear(16, 2)]
layers.insert(0, nn.ReLU())
layers.insert(0, nn.Linear(10, 32))
model = nn.Sequential(*layers)  # shapelint: input=(B, 10)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 10))
