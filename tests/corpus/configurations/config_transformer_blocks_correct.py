"""Transformer blocks built from a config dataclass, in two configurations; the projection back reads the hidden
width from the config."""

from dataclasses import dataclass

import torch
from torch import nn


@dataclass
class Config:
    n_embd: int = 32
    n_hidden: int = 128
    n_layer: int = 2


class Block(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.ln = nn.LayerNorm(config.n_embd)
        self.fc = nn.Linear(config.n_embd, config.n_hidden)
        self.proj = nn.Linear(config.n_hidden, config.n_embd)

    def forward(self, x):
        return x + self.proj(torch.relu(self.fc(self.ln(x))))


class Model(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.blocks = nn.Sequential(*[Block(config) for _ in range(config.n_layer)])

    def forward(self, x):
        return self.blocks(x)


small = Model(Config())
wide = Model(Config(n_embd=16, n_hidden=48, n_layer=1))
small(torch.rand(2, 5, 32))
wide(torch.rand(2, 5, 16))


def check() -> None:
    Model(Config())(torch.rand(2, 5, 32))
    Model(Config(n_embd=16, n_hidden=48, n_layer=1))(torch.rand(2, 5, 16))
