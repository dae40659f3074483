"""Multi-head self-attention written with F.scaled_dot_product_attention, as nanoGPT-style code does."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SelfAttention(nn.Module):  # shapelint: input=(B, 16, 64)
    def __init__(self, dim=64, heads=4):
        super().__init__()
        self.heads, self.head_dim = heads, dim // heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(self.head_dim, dim)  # expect: SHP001

    def forward(self, x):
        b, t, c = x.shape
        q, k, v = self.qkv(x).split(c, dim=2)
        q = q.view(b, t, self.heads, self.head_dim).transpose(1, 2)
        k = k.view(b, t, self.heads, self.head_dim).transpose(1, 2)
        v = v.view(b, t, self.heads, self.head_dim).transpose(1, 2)
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        y = y.transpose(1, 2).contiguous().view(b, t, c)
        return self.proj(y)


def check():
    SelfAttention()(torch.randn(2, 16, 64))
