"""A transformer MLP sub-block with a residual add on (batch, tokens, d_model)."""
import torch
import torch.nn as nn


class Block(nn.Module):  # shapelint: input=(B, T, 32)
    def __init__(self, d_model=32, mlp_ratio=4, dropout=0.1):
        super().__init__()
        self.ln = nn.LayerNorm(d_model)
        self.fc1 = nn.Linear(d_model, mlp_ratio * d_model)
        self.act = nn.GELU()
        self.fc2 = nn.Linear(mlp_ratio * d_model, d_model)
        self.drop = nn.Dropout(dropout)

    def forward(self, x):
        return x + self.drop(self.fc2(self.act(self.fc1(self.ln(x)))))


def check() -> None:
    with torch.no_grad():
        Block().eval()(torch.randn(2, 5, 32))
