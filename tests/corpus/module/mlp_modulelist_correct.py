"""An MLP whose layers live in a ModuleList built by a comprehension."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MLP(nn.Module):  # shapelint: input=(B, 20)
    def __init__(self, sizes=(20, 64, 64, 32), num_classes=3):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:])])
        self.norms = nn.ModuleList(nn.LayerNorm(b) for b in sizes[1:])
        self.out = nn.Linear(sizes[-1], num_classes)

    def forward(self, x):
        for layer, norm in zip(self.layers, self.norms):
            x = F.relu(norm(layer(x)))
        return self.out(x)


def check() -> None:
    with torch.no_grad():
        MLP()(torch.randn(2, 20))
