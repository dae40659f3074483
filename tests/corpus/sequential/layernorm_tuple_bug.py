"""LayerNorm over (C, H, W) written with the input's spatial size instead of the conv's output."""
import torch
import torch.nn as nn

block = nn.Sequential(  # shapelint: input=(B, 4, 10, 10)
    nn.Conv2d(4, 8, 3),
    nn.LayerNorm((8, 10, 10)),  # expect: SHP003
    nn.ReLU(),
)


def check() -> None:
    with torch.no_grad():
        block(torch.randn(2, 4, 10, 10))
