"""A ViT-style head whose final LayerNorm is sized for the MLP's hidden width."""
import torch
import torch.nn as nn


class Head(nn.Module):  # shapelint: input=(B, 17, 48)
    def __init__(self, dim=48, hidden=96, num_classes=5):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(dim, hidden), nn.GELU(), nn.Linear(hidden, dim))
        self.norm = nn.LayerNorm(hidden)  # expect: SHP003
        self.fc = nn.Linear(dim, num_classes)

    def forward(self, x):
        x = x + self.mlp(x)
        x = self.norm(x)
        return self.fc(x[:, 0])


def check() -> None:
    with torch.no_grad():
        Head()(torch.randn(2, 17, 48))
