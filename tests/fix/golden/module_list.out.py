"""A layer held in an nn.ModuleList and applied in a forward loop: an MLP whose widths list skips one size."""
import torch
from torch import nn


class MLP(nn.Module):  # shapelint: input=(B, 20)
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([
            nn.Linear(20, 64),
            nn.Linear(64, 128),
            nn.Linear(128, 1),
        ])

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = torch.relu(layer(x))
        return self.layers[-1](x)


def check() -> None:
    MLP()(torch.rand(4, 20))
