"""A transformer block whose MLP projection back to d_model is sized for the input width."""
import torch
import torch.nn as nn


class Block(nn.Module):  # shapelint: input=(B, T, 32)
    def __init__(self, d_model=32, mlp_ratio=4, dropout=0.1):
        super().__init__()
        self.ln = nn.LayerNorm(d_model)
        self.fc1 = nn.Linear(d_model, mlp_ratio * d_model)
        self.act = nn.GELU()
        self.fc2 = nn.Linear(d_model, d_model)  # expect: SHP001
        self.drop = nn.Dropout(dropout)

    def forward(self, x):
        return x + self.drop(self.fc2(self.act(self.fc1(self.ln(x)))))


def check() -> None:
    with torch.no_grad():
        Block().eval()(torch.randn(2, 5, 32))
