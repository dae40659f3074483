"""A dataclass config with defaults, the style of many research repositories."""
from dataclasses import dataclass

import torch
import torch.nn as nn


@dataclass
class MLPConfig:
    in_dim: int = 20
    hidden: int = 64
    depth: int = 3
    out_dim: int = 1


class MLP(nn.Module):  # shapelint: input=(B, 20)
    def __init__(self, config: MLPConfig = MLPConfig()):
        super().__init__()
        layers = [nn.Linear(config.in_dim, config.hidden), nn.GELU()]
        for _ in range(config.depth - 1):
            layers += [nn.Linear(config.hidden, config.hidden), nn.GELU()]
        self.net = nn.Sequential(*layers)
        self.out = nn.Linear(config.hidden, config.out_dim)

    def forward(self, x):
        return self.out(self.net(x))


def check() -> None:
    with torch.no_grad():
        MLP()(torch.randn(3, 20))
