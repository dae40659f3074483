"""Inherited dataclass configs with a __post_init__-derived width, getattr(nn, name) activations and a lambda."""
from dataclasses import dataclass, field
from typing import ClassVar

import torch
import torch.nn as nn


@dataclass
class BaseConfig:
    width: int = 8
    family: ClassVar[str] = "mlp"


@dataclass
class Config(BaseConfig):
    depth: int = 2
    tags: list = field(default_factory=list)
    n_out: int = field(default=4)
    activation: str = "GELU"

    def __post_init__(self):
        self.hidden = self.width * 2


class Net(nn.Module):  # shapelint: input=(B, 12)
    def __init__(self, cfg: Config):
        super().__init__()
        self.inp = nn.Linear(12, cfg.width)
        self.mid = nn.Linear(cfg.width, cfg.hidden)
        self.act = getattr(nn, cfg.activation)()
        self.scale = lambda t: t * 0.5
        self.out = nn.Linear(cfg.hidden, cfg.n_out)

    def forward(self, x):
        return self.out(self.scale(self.act(self.mid(self.inp(x)))))


def check() -> None:
    Net(Config(16, 3))(torch.randn(2, 12))
    Net(Config(width=10, n_out=3))(torch.randn(2, 12))


if __name__ == "__main__":
    print(Net(Config(16, 3, activation="ReLU"))(torch.randn(5, 12)).shape)
