"""LayerNorm over the last three dims of a conv feature map, given as a tuple and a list."""
import torch
import torch.nn as nn

block = nn.Sequential(  # shapelint: input=(B, 4, 10, 10)
    nn.Conv2d(4, 8, 3),
    nn.LayerNorm((8, 8, 8)),
    nn.ReLU(),
    nn.Conv2d(8, 8, 3, padding=1),
    nn.LayerNorm([8, 8]),
)


def check() -> None:
    with torch.no_grad():
        block(torch.randn(2, 4, 10, 10))
