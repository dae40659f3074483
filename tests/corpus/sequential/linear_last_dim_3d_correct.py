"""Linear layers act on the last dim of a (batch, tokens, features) tensor."""
import torch
import torch.nn as nn

mlp_block = nn.Sequential(  # shapelint: input=(B, T, 64)
    nn.LayerNorm(64),
    nn.Linear(64, 256),
    nn.GELU(),
    nn.Dropout(0.1),
    nn.Linear(256, 64),
)


def check() -> None:
    with torch.no_grad():
        mlp_block(torch.randn(2, 7, 64))
