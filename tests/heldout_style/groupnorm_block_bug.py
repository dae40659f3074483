"""A GroupNorm conv block whose second norm was not updated after the conv widened to 64 channels."""
import torch
import torch.nn as nn

block = nn.Sequential(  # shapelint: input=(B, 32, 16, 16)
    nn.GroupNorm(8, 32),
    nn.SiLU(),
    nn.Conv2d(32, 64, 3, padding=1),
    nn.GroupNorm(8, 32),  # expect: SHP003
    nn.SiLU(),
    nn.Conv2d(64, 64, 3, padding=1),
)


def check() -> None:
    with torch.no_grad():
        block(torch.randn(2, 32, 16, 16))
