"""Lazy layers infer their input sizes, so any upstream width is fine."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, 20, 20)
    nn.LazyConv2d(12, 3),
    nn.LazyBatchNorm2d(),
    nn.ReLU(),
    nn.Flatten(),
    nn.LazyLinear(64),
    nn.ReLU(),
    nn.Linear(64, 10),
)


def check() -> None:
    model.eval()
    with torch.no_grad():
        model(torch.randn(2, 3, 20, 20))
