"""A forum-style MLP whose hyperparameters live in a types.SimpleNamespace config; the second layer is sized
for twice the width the first one gives."""
from types import SimpleNamespace

import torch
import torch.nn as nn

cfg = SimpleNamespace(in_dim=8, width=16, n_classes=4)
cfg.dropout = 0.1


class Net(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.fc1 = nn.Linear(cfg.in_dim, cfg.width)
        self.drop = nn.Dropout(cfg.dropout)
        self.fc2 = nn.Linear(cfg.width * 2, cfg.n_classes)  # expect: SHP001

    def forward(self, x):
        return self.fc2(self.drop(torch.relu(self.fc1(x))))


def check() -> None:
    Net(cfg)(torch.randn(2, cfg.in_dim))
