"""PointNet-style encoder that max-pools over points with torch.max(...)[0]; the head reads the wrong width."""
import torch
import torch.nn as nn


class Encoder(nn.Module):  # shapelint: input=(B, 3, N)
    def __init__(self):
        super().__init__()
        self.mlp = nn.Sequential(nn.Conv1d(3, 64, 1), nn.ReLU(), nn.Conv1d(64, 128, 1))
        self.head = nn.Linear(64, 10)  # expect: SHP001

    def forward(self, x):
        x = torch.max(self.mlp(x), 2)[0]
        return self.head(x)


def check() -> None:
    with torch.no_grad():
        Encoder()(torch.randn(2, 3, 50))
