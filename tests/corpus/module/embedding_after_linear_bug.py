"""A recommender that feeds a dense projection into an Embedding instead of item ids."""
import torch
import torch.nn as nn


class Recommender(nn.Module):  # shapelint: input=(B, 10)
    def __init__(self, n_items=50, dim=8):
        super().__init__()
        self.dense = nn.Linear(10, dim)
        self.items = nn.Embedding(n_items, dim)  # expect: SHP006

    def forward(self, x):
        return self.items(self.dense(x))


def check() -> None:
    with torch.no_grad():
        Recommender()(torch.randn(2, 10))
