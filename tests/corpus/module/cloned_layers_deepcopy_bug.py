"""The Annotated Transformer's ``clones``: N deep copies of one encoder layer, then a head sized for the
feed-forward width instead of the model width."""
import copy

import torch
import torch.nn as nn


def clones(module, n):
    return nn.ModuleList([copy.deepcopy(module) for _ in range(n)])


class EncoderLayer(nn.Module):
    def __init__(self, d_model, d_ff):
        super().__init__()
        self.norm = nn.LayerNorm(d_model)
        self.ff = nn.Sequential(nn.Linear(d_model, d_ff), nn.ReLU(), nn.Linear(d_ff, d_model))

    def forward(self, x):
        return x + self.ff(self.norm(x))


class Encoder(nn.Module):
    def __init__(self, layer, n, d_ff, classes=5):
        super().__init__()
        self.layers = clones(layer, n)
        self.head = nn.Linear(d_ff, classes)

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return self.head(x.mean(1))


model = Encoder(EncoderLayer(32, 64), 3, 64)  # expect: SHP001


def check():
    model(torch.randn(2, 10, 32))
