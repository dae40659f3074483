"""Prototype code that lets LazyLinear and LazyConv2d infer their input sizes."""
import torch
import torch.nn as nn

net = nn.Sequential(  # shapelint: input=(B, 3, 20, 20)
    nn.LazyConv2d(12, 3),
    nn.LazyBatchNorm2d(),
    nn.ReLU(),
    nn.Conv2d(12, 24, 3, stride=2),
    nn.Flatten(),
    nn.LazyLinear(32),
    nn.ReLU(),
    nn.Linear(32, 2),
)


def check() -> None:
    with torch.no_grad():
        net(torch.randn(2, 3, 20, 20))
