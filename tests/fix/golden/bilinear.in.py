"""Bilinear in1_features: a relation scorer between an encoded query and a key, in an nn.Module."""
import torch
from torch import nn


class RelationScorer(nn.Module):  # shapelint: input=(B, 300)
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(300, 128), nn.Tanh())
        self.score = nn.Bilinear(300, 300, 1)

    def forward(self, x):
        return self.score(self.encoder(x), x)


def check() -> None:
    RelationScorer()(torch.rand(4, 300))
