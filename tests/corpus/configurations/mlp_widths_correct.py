"""An MLP built from a list of widths, in two configurations; the head reads the last width."""

import torch
from torch import nn


class MLP(nn.Module):
    def __init__(self, widths, num_classes=10):
        super().__init__()
        layers = []
        for a, b in zip(widths, widths[1:]):
            layers += [nn.Linear(a, b), nn.ReLU()]
        self.body = nn.Sequential(*layers)
        self.head = nn.Linear(widths[-1], num_classes)

    def forward(self, x):
        return self.head(self.body(x))


def check() -> None:
    MLP([16, 32, 64])(torch.rand(2, 16))
    MLP([8, 24])(torch.rand(2, 8))


if __name__ == "__main__":
    check()
