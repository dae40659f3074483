"""A model that imports its own package for the base class, re-exported by the package's ``__init__`` with ``*``."""

import torch
import torch.nn as nn

from models import BaseModel

__all__ = ["Vanilla"]


class Vanilla(BaseModel):
    def __init__(self, in_channels, latent, hidden=None):
        super().__init__()
        hidden = hidden or [16, 32, 64]
        layers = []
        for width in hidden:
            layers.append(nn.Sequential(nn.Conv2d(in_channels, width, 3, stride=2, padding=1), nn.ReLU()))
            in_channels = width
        self.encoder = nn.Sequential(*layers)
        self.mu = nn.Linear(hidden[-1] * 4, latent)

    def encode(self, x):
        return self.mu(torch.flatten(self.encoder(x), start_dim=1))

    def forward(self, x):
        return self.encode(x)
