"""MLP built from a list of sizes with zip(sizes[:-1], sizes[1:]) inside a factory function, used at module level."""
import torch
import torch.nn as nn


def make_mlp(sizes, activation=nn.ReLU, dropout=0.0):
    layers = []
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(nn.Linear(n_in, n_out))
        if i < len(sizes) - 2:
            layers.append(activation())
            if dropout:
                layers.append(nn.Dropout(dropout))
    return nn.Sequential(*layers)


input_dim = 13
encoder = make_mlp([input_dim, 64, 32], dropout=0.1)
head = nn.Sequential(nn.LayerNorm(32), nn.Linear(32, 1))
model = nn.Sequential(encoder, head)

x = torch.randn(16, input_dim)
y = model(x)


def check() -> None:
    model(torch.randn(4, input_dim))
