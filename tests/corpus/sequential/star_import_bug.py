"""Notebook style: `from torch.nn import *` and bare layer names."""
import torch
from torch.nn import *  # noqa: F403

model = Sequential(  # shapelint: input=(B, 20)
    Linear(20, 40),
    ReLU(),
    Linear(20, 2),  # expect: SHP001
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 20))
