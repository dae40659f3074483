"""A Conv2d placed after Flatten receives a 2-D tensor."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, 8, 8)
    nn.Conv2d(3, 8, 3, padding=1),
    nn.ReLU(),
    nn.Flatten(),
    nn.Conv2d(8, 16, 3),  # expect: SHP005
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 3, 8, 8))
