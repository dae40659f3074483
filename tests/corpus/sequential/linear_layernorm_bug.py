"""Linear followed by a LayerNorm over the Linear's input width; no directive needed."""
import torch
import torch.nn as nn

proj = nn.Sequential(
    nn.Linear(64, 128),
    nn.LayerNorm(64),  # expect: SHP003
    nn.GELU(),
)


def check() -> None:
    with torch.no_grad():
        proj(torch.randn(2, 64))
