"""GroupNorm declared for the block's input channels after the conv widened them."""
import torch
import torch.nn as nn

block = nn.Sequential(
    nn.GroupNorm(8, 32),
    nn.SiLU(),
    nn.Conv2d(32, 64, 3, padding=1),
    nn.GroupNorm(num_groups=8, num_channels=32),  # expect: SHP003
    nn.SiLU(),
    nn.Conv2d(64, 64, 3, padding=1),
)


def check() -> None:
    with torch.no_grad():
        block(torch.randn(2, 32, 8, 8))
