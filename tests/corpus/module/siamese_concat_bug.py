"""A Siamese network: a shared encoder on two inputs, features concatenated for the head."""
import torch
import torch.nn as nn


class Siamese(nn.Module):  # shapelint: input=(B, 64)
    def __init__(self, in_dim=64, embed=32):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(in_dim, embed), nn.ReLU())
        self.head = nn.Linear(embed, 1)  # expect: SHP001

    def forward(self, x):
        a = self.encoder(x)
        b = self.encoder(x.flip(0))
        return torch.sigmoid(self.head(torch.cat([a, b], dim=1)))


def check() -> None:
    with torch.no_grad():
        Siamese()(torch.randn(2, 64))
