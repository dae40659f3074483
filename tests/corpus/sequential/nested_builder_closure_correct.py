"""A builder with an inner helper closing over the width."""
import torch
import torch.nn as nn


def build(in_dim=8, width=32):
    def block(cin):
        return nn.Sequential(nn.Linear(cin, width), nn.ReLU())

    return nn.Sequential(
        block(in_dim),
        block(width),
        nn.Linear(width, 1),
    )


model = build()


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 8))
