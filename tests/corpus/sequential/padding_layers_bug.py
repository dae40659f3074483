"""Asymmetric ZeroPad2d (left, right, top, bottom) pads only the height, but the head assumes every side."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 2, 10, 10)
    nn.ZeroPad2d((0, 0, 2, 2)),
    nn.Conv2d(2, 4, 3),
    nn.Flatten(),
    nn.Linear(4 * 12 * 12, 2),  # expect: SHP001
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 2, 10, 10))
