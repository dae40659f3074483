"""Transformer classifier whose final LayerNorm takes the MLP width instead of the model width."""
import torch
import torch.nn as nn


class EncoderBlock(nn.Module):
    def __init__(self, embed_dim, num_heads, mlp_dim, dropout=0.1):
        super().__init__()
        self.norm1 = nn.LayerNorm(embed_dim)
        self.attn = nn.MultiheadAttention(embed_dim, num_heads, dropout=dropout, batch_first=True)
        self.norm2 = nn.LayerNorm(embed_dim)
        self.mlp = nn.Sequential(
            nn.Linear(embed_dim, mlp_dim), nn.GELU(), nn.Dropout(dropout), nn.Linear(mlp_dim, embed_dim)
        )

    def forward(self, x):
        y = self.norm1(x)
        attn_out, _ = self.attn(y, y, y)
        x = x + attn_out
        x = x + self.mlp(self.norm2(x))
        return x


class SequenceClassifier(nn.Module):  # shapelint: input=(B, 20, 64)
    def __init__(self, dim=64, depth=2, heads=4, num_classes=3):
        super().__init__()
        self.blocks = nn.Sequential(*[EncoderBlock(dim, heads, dim * 2) for _ in range(depth)])
        self.norm = nn.LayerNorm(dim * 2)  # expect: SHP003
        self.head = nn.Linear(dim, num_classes)

    def forward(self, x):
        x = self.blocks(x)
        return self.head(self.norm(x).mean(dim=1))


def check() -> None:
    SequenceClassifier().eval()(torch.randn(2, 20, 64))
