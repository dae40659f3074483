"""MultiheadAttention embed_dim: self-attention over patch embeddings whose projection changed the width."""
import torch
from torch import nn


class AttentionPool(nn.Module):  # shapelint: input=(B, 49, 512)
    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(512, 256)
        self.attn = nn.MultiheadAttention(embed_dim=512, num_heads=8, batch_first=True)
        self.head = nn.Linear(256, 10)

    def forward(self, x):
        x = self.proj(x)
        x, _ = self.attn(x, x, x)
        return self.head(x.mean(dim=1))


def check() -> None:
    AttentionPool()(torch.rand(2, 49, 512))
