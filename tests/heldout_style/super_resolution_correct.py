"""ESPCN-style super-resolution: convolutions then PixelShuffle, and a refinement conv on the result."""
import torch
import torch.nn as nn


class ESPCN(nn.Module):  # shapelint: input=(B, 1, 17, 17)
    def __init__(self, scale=3):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(1, 32, kernel_size=5, padding=2),
            nn.Tanh(),
            nn.Conv2d(32, 16, kernel_size=3, padding=1),
            nn.Tanh(),
            nn.Conv2d(16, 1 * scale**2, kernel_size=3, padding=1),
            nn.PixelShuffle(scale),
        )
        self.refine = nn.Conv2d(1, 1, kernel_size=3, padding=1)

    def forward(self, x):
        return self.refine(self.body(x))


def check() -> None:
    with torch.no_grad():
        assert ESPCN()(torch.randn(2, 1, 17, 17)).shape == (2, 1, 51, 51)
