"""A ViT-style block: patch embedding, pre-norm self-attention called as attn(x, x, x), then an MLP and a head."""
import torch
import torch.nn as nn


class TinyViT(nn.Module):  # shapelint: input=(B, 3, H, W)
    def __init__(self, dim=64, heads=4, classes=10):
        super().__init__()
        self.patches = nn.Conv2d(3, dim, kernel_size=4, stride=4)
        self.norm1 = nn.LayerNorm(dim)
        self.attn = nn.MultiheadAttention(dim, heads, batch_first=True)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim))
        self.head = nn.Linear(dim, classes)

    def forward(self, x):
        x = self.patches(x).flatten(2).transpose(1, 2)
        h = self.norm1(x)
        out, _ = self.attn(h, h, h)
        x = x + out
        x = x + self.mlp(self.norm2(x))
        return self.head(x.mean(dim=1))


def check() -> None:
    with torch.no_grad():
        TinyViT()(torch.randn(2, 3, 32, 32))
