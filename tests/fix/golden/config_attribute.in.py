"""A size read from a dataclass config (config.hidden): only --unsafe-fixes replaces the attribute."""
from dataclasses import dataclass

import torch
from torch import nn


@dataclass
class Config:
    n_features: int = 40
    hidden: int = 128
    n_classes: int = 3


config = Config()

classifier = nn.Sequential(  # shapelint: input=(B, 40)
    nn.Linear(config.n_features, 64),
    nn.ReLU(),
    nn.Linear(config.hidden, config.n_classes),
)


def check() -> None:
    classifier(torch.rand(2, 40))
