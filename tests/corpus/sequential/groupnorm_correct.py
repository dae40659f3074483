"""GroupNorm after convs, as in diffusion-model ResBlocks."""
import torch
import torch.nn as nn

block = nn.Sequential(  # shapelint: input=(B, 32, 8, 8)
    nn.GroupNorm(8, 32),
    nn.SiLU(),
    nn.Conv2d(32, 64, 3, padding=1),
    nn.GroupNorm(num_groups=32, num_channels=64),
    nn.SiLU(),
    nn.Dropout(0.1),
    nn.Conv2d(64, 64, 3, padding=1),
)


def check() -> None:
    with torch.no_grad():
        block(torch.randn(2, 32, 8, 8))
