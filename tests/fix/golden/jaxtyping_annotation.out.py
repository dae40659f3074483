"""An nn.Module whose input shape comes from a jaxtyping annotation on forward's argument."""
from __future__ import annotations

from typing import TYPE_CHECKING

import torch
from torch import Tensor, nn

if TYPE_CHECKING:
    from jaxtyping import Float


class SpeakerHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(80, 192)
        self.classify = nn.Linear(192, 100)

    def forward(self, mel: Float[Tensor, "batch frames 80"]) -> Float[Tensor, "batch 100"]:
        return self.classify(self.proj(mel).mean(dim=1))


def check() -> None:
    SpeakerHead()(torch.rand(2, 30, 80))
