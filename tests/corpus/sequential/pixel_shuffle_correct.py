"""ESPCN super-resolution: PixelShuffle trades channels for resolution (C * r^2 -> C)."""
import torch
import torch.nn as nn

upscale = 3
espcn = nn.Sequential(  # shapelint: input=(B, 1, 12, 12)
    nn.Conv2d(1, 16, 5, padding=2),
    nn.Tanh(),
    nn.Conv2d(16, 8, 3, padding=1),
    nn.Tanh(),
    nn.Conv2d(8, upscale ** 2, 3, padding=1),
    nn.PixelShuffle(upscale),
    nn.Conv2d(1, 1, 3, padding=1),
)


def check() -> None:
    with torch.no_grad():
        assert espcn(torch.randn(2, 1, 12, 12)).shape == (2, 1, 36, 36)
