"""Transformer tutorial: sinusoidal positional encoding kept with register_buffer and sliced to the sequence length."""
import math

import torch
import torch.nn as nn


class PositionalEncoding(nn.Module):
    def __init__(self, d_model: int, dropout: float = 0.1, max_len: int = 5000):
        super().__init__()
        self.dropout = nn.Dropout(p=dropout)
        position = torch.arange(max_len).unsqueeze(1)
        div_term = torch.exp(torch.arange(0, d_model, 2) * (-math.log(10000.0) / d_model))
        pe = torch.zeros(max_len, 1, d_model)
        pe[:, 0, 0::2] = torch.sin(position * div_term)
        pe[:, 0, 1::2] = torch.cos(position * div_term)
        self.register_buffer("pe", pe)

    def forward(self, x):
        x = x + self.pe[: x.size(0)]
        return self.dropout(x)


class FourierFeatures(nn.Module):
    def __init__(self, in_dim, mapped, scale=10.0):
        super().__init__()
        self.register_buffer("B", torch.randn(in_dim, mapped) * scale)

    def forward(self, x):
        proj = 2 * math.pi * x @ self.B
        return torch.cat([proj.sin(), proj.cos()], dim=-1)


class TokenModel(nn.Module):  # shapelint: input=(35, B, 3)
    def __init__(self, d_model=32, n_out=5):
        super().__init__()
        self.features = FourierFeatures(3, d_model // 2)
        self.add_module("pos", PositionalEncoding(d_model))
        self.norm = nn.LayerNorm(d_model)
        self.fc = nn.Linear(d_model, n_out)

    def forward(self, src):
        return self.fc(self.norm(self.pos(self.features(src))))


def check() -> None:
    TokenModel().eval()(torch.randn(35, 4, 3))
