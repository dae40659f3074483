"""Explicit padding layers, including asymmetric (left, right, top, bottom) ones."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 2, 10, 10)
    nn.ZeroPad2d((1, 2, 0, 3)),
    nn.Conv2d(2, 4, 3),
    nn.ReplicationPad2d(1),
    nn.Conv2d(4, 4, 3),
    nn.ConstantPad2d(2, 0.0),
    nn.Flatten(),
    nn.Linear(4 * 15 * 15, 2),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 2, 10, 10))
