"""GroupNorm num_channels (its second argument): a U-Net style block normalizing the wrong width."""
import torch
from torch import nn

down = nn.Sequential(  # shapelint: input=(B, 64, 32, 32)
    nn.Conv2d(64, 128, 3, padding=1),
    nn.GroupNorm(32, 128),
    nn.SiLU(),
    nn.Conv2d(128, 128, 3, padding=1),
    nn.GroupNorm(32, 128),
    nn.SiLU(),
)


def check() -> None:
    down(torch.rand(2, 64, 32, 32))
