"""A ViT's patch embedding and pooled head written with einops, as vit-pytorch writes them."""

import torch
import torch.nn as nn
from einops import rearrange
from einops.layers.torch import Rearrange, Reduce


class ViTLite(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self, channels=3, patch=4, dim=64, classes=10):
        super().__init__()
        self.to_patches = nn.Sequential(
            Rearrange("b c (h p1) (w p2) -> b (h w) (p1 p2 c)", p1=patch, p2=patch),
            nn.LayerNorm(patch * patch * channels),
            nn.Linear(patch * patch * channels, dim),
        )
        self.mix = nn.Linear(dim, dim)
        self.head = nn.Sequential(Reduce("b n d -> b d", "mean"), nn.LayerNorm(dim), nn.Linear(dim, classes))

    def forward(self, x):
        x = self.to_patches(x)
        heads = rearrange(self.mix(x), "b n (h d) -> b h n d", h=4)
        x = x + rearrange(heads, "b h n d -> b n (h d)")
        return self.head(x)


def check():
    ViTLite()(torch.randn(2, 3, 32, 32))
