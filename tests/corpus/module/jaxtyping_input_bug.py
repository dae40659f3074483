"""No directive: the input shape comes from a jaxtyping annotation on forward()."""
from __future__ import annotations

from typing import TYPE_CHECKING

import torch
import torch.nn as nn

if TYPE_CHECKING:
    from jaxtyping import Float
    from torch import Tensor


class PatchEmbed(nn.Module):
    def __init__(self, patch=4, dim=24):
        super().__init__()
        self.proj = nn.Conv2d(3, dim, kernel_size=patch, stride=patch)
        self.norm = nn.LayerNorm(dim)
        self.head = nn.Linear(dim * 16, 10)  # expect: SHP001

    def forward(self, x: Float[Tensor, "batch 3 32 32"]) -> Float[Tensor, "batch 10"]:
        x = self.proj(x).flatten(2).transpose(1, 2)
        x = self.norm(x)
        return self.head(x.flatten(1))


def check() -> None:
    with torch.no_grad():
        PatchEmbed()(torch.randn(2, 3, 32, 32))
