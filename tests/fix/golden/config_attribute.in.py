"""A size read from a dataclass config (config.hidden) after a layer written with 64: the fix writes that layer's
64, which holds for any config, so it is safe."""
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
