"""A factory called with positional and keyword arguments."""
import torch
import torch.nn as nn


def make_mlp(in_dim, hidden, out_dim, dropout=0.0):
    return nn.Sequential(
        nn.Linear(in_dim, hidden),
        nn.ReLU(),
        nn.Dropout(dropout),
        nn.Linear(hidden, out_dim),
    )


model = make_mlp(64, hidden=128, out_dim=4, dropout=0.1)
other = make_mlp(32, 16, 2)


def check() -> None:
    with torch.no_grad():
        model.eval()(torch.randn(2, 64))
        other.eval()(torch.randn(2, 32))
