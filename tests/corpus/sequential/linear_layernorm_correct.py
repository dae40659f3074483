"""Linear followed by a LayerNorm over its output width; no directive needed."""
import torch
import torch.nn as nn

proj = nn.Sequential(
    nn.Linear(64, 128),
    nn.LayerNorm(128),
    nn.GELU(),
)


def check() -> None:
    with torch.no_grad():
        proj(torch.randn(2, 64))
