"""LayerNorm's normalized_shape written as a one-element tuple (32,): the fix keeps the tuple."""
import torch
from torch import nn

ffn = nn.Sequential(  # shapelint: input=(B, 10, 64)
    nn.Linear(64, 32),
    nn.ReLU(),
    nn.LayerNorm((32,)),
    nn.Linear(32, 64),
)


def check() -> None:
    ffn(torch.rand(2, 10, 64))
