"""A forward with an optional conditioning input, concatenated when given; the example call passes it."""
import torch
import torch.nn as nn


class ConditionalMLP(nn.Module):
    def __init__(self, x_dim=2, cond_dim=4, hidden=16):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(x_dim + cond_dim, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, x, cond=None):
        if cond is not None:
            x = torch.cat([x, cond], dim=1)
        return self.net(x)


def check() -> None:
    with torch.no_grad():
        ConditionalMLP()(torch.randn(3, 2), cond=torch.randn(3, 4))
