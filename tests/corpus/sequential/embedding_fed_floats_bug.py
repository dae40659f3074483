"""An Embedding placed after a Linear receives float activations, not indices."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 16)
    nn.Linear(16, 8),
    nn.ReLU(),
    nn.Embedding(100, 8),  # expect: SHP006
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 16))
