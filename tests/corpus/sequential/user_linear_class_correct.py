"""A project's own `Linear` (an affine scale, not a matrix) used inside a torch Sequential.

Its arguments look like mismatched feature counts but are a scale and a shift,
so nothing here may be read as torch's Linear.
"""
import torch
import torch.nn as nn


class Linear(nn.Module):
    """y = scale * x + shift, elementwise."""

    def __init__(self, scale: float, shift: float) -> None:
        super().__init__()
        self.scale = scale
        self.shift = shift

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.scale * x + self.shift


head = nn.Sequential(  # shapelint: input=(B, 8)
    nn.Linear(8, 4),
    Linear(2, 1),
    nn.Linear(4, 2),
)


def check() -> None:
    with torch.no_grad():
        head(torch.randn(2, 8))
