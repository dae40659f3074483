"""Token MLP whose second Linear expects the sequence length instead of the hidden width."""
import torch
import torch.nn as nn

mlp_block = nn.Sequential(  # shapelint: input=(B, 16, 64)
    nn.LayerNorm(64),
    nn.Linear(64, 256),
    nn.GELU(),
    nn.Linear(16, 64),  # expect: SHP001
)


def check() -> None:
    with torch.no_grad():
        mlp_block(torch.randn(2, 16, 64))
