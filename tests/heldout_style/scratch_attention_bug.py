"""Written-out attention whose LayerNorm takes the key width though attention returns value-width vectors."""
import math

import torch
import torch.nn as nn


class SelfAttention(nn.Module):
    def __init__(self, d_in, d_k, d_v):
        super().__init__()
        self.d_k = d_k
        self.W_q = nn.Linear(d_in, d_k, bias=False)
        self.W_k = nn.Linear(d_in, d_k, bias=False)
        self.W_v = nn.Linear(d_in, d_v, bias=False)

    def forward(self, x):
        q, k, v = self.W_q(x), self.W_k(x), self.W_v(x)
        scores = torch.matmul(q, k.transpose(-2, -1)) / math.sqrt(self.d_k)
        weights = torch.softmax(scores, dim=-1)
        return weights @ v


class Classifier(nn.Module):  # shapelint: input=(B, 12, 40)
    def __init__(self, d_in=40, d_k=16, d_v=24, n_classes=3):
        super().__init__()
        self.attn = SelfAttention(d_in, d_k, d_v)
        self.norm = nn.LayerNorm(d_k)  # expect: SHP003
        self.fc = nn.Linear(d_v, n_classes)

    def forward(self, x):
        return self.fc(self.norm(self.attn(x)).mean(1))


def check() -> None:
    Classifier()(torch.randn(2, 12, 40))
