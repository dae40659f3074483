"""A pre-norm transformer encoder block on (batch, tokens, d_model)."""
import torch
import torch.nn as nn


class Block(nn.Module):  # shapelint: input=(B, T, 32)
    def __init__(self, d_model=32, n_heads=4, mlp_ratio=4, dropout=0.1):
        super().__init__()
        self.ln1 = nn.LayerNorm(d_model)
        self.attn = nn.MultiheadAttention(d_model, n_heads, dropout=dropout, batch_first=True)
        self.ln2 = nn.LayerNorm(d_model)
        self.mlp = nn.Sequential(
            nn.Linear(d_model, mlp_ratio * d_model),
            nn.GELU(),
            nn.Linear(mlp_ratio * d_model, d_model),
            nn.Dropout(dropout),
        )

    def forward(self, x):
        h = self.ln1(x)
        x = x + self.attn(h, h, h, need_weights=False)[0]
        x = x + self.mlp(self.ln2(x))
        return x


def check() -> None:
    with torch.no_grad():
        Block().eval()(torch.randn(2, 5, 32))
