"""A dataclass config whose default widths no longer match a hard-coded head."""
from dataclasses import dataclass

import torch
import torch.nn as nn


@dataclass(frozen=True)
class Config:
    n_embd: int = 32
    n_hidden: int = 64


class Net(nn.Module):  # shapelint: input=(B, 32)
    def __init__(self, config: Config = Config()):
        super().__init__()
        self.fc = nn.Linear(config.n_embd, config.n_hidden)
        self.norm = nn.LayerNorm(config.n_hidden)
        self.head = nn.Linear(32, 2)  # expect: SHP001

    def forward(self, x):
        return self.head(torch.relu(self.norm(self.fc(x))))


def check() -> None:
    with torch.no_grad():
        Net()(torch.randn(2, 32))
