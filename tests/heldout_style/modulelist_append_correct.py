"""Layers appended to an empty nn.ModuleList in __init__, then applied in a loop in forward."""
import torch
import torch.nn as nn


class DeepMLP(nn.Module):  # shapelint: input=(B, 12)
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList()
        self.layers.append(nn.Linear(12, 40))
        self.layers.append(nn.Linear(40, 40))
        self.layers.append(nn.Linear(40, 20))
        self.norm = nn.BatchNorm1d(20)
        self.out = nn.Linear(20, 3)

    def forward(self, x):
        for layer in self.layers:
            x = torch.relu(layer(x))
        return self.out(self.norm(x))


def check() -> None:
    with torch.no_grad():
        DeepMLP().eval()(torch.randn(4, 12))
