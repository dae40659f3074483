"""A gated linear unit: chunk splits the projection in two, halving the width the next Linear sees."""
import torch
import torch.nn as nn


class GatedMLP(nn.Module):  # shapelint: input=(B, T, 16)
    def __init__(self, dim=16, hidden=64):
        super().__init__()
        self.proj_in = nn.Linear(dim, 2 * hidden)
        self.proj_out = nn.Linear(2 * hidden, dim)  # expect: SHP001

    def forward(self, x):
        a, gate = self.proj_in(x).chunk(2, dim=-1)
        return self.proj_out(a * torch.sigmoid(gate))


def check() -> None:
    with torch.no_grad():
        GatedMLP()(torch.randn(2, 5, 16))
