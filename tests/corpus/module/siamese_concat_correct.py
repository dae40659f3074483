"""A Siamese network: a shared encoder, concatenated features, a Linear head."""
import torch
import torch.nn as nn


class Siamese(nn.Module):  # shapelint: input=(B, 64)
    def __init__(self, in_dim=64, embed=32):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(in_dim, embed), nn.ReLU())
        self.head = nn.Linear(2 * embed, 1)

    def forward(self, x):
        a = self.encoder(x)
        b = self.encoder(x.flip(0))
        return torch.sigmoid(self.head(torch.cat([a, b], dim=1)))


def check() -> None:
    with torch.no_grad():
        Siamese()(torch.randn(2, 64))
