"""Layers registered with setattr(self, f"fc{i}", ...) in a loop and fetched back with getattr in forward."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class DeepMLP(nn.Module):  # shapelint: input=(B, 40)
    def __init__(self, sizes=(40, 64, 32, 16), n_out=2):
        super().__init__()
        self.n_hidden = len(sizes) - 1
        for i in range(self.n_hidden):
            setattr(self, f"fc{i}", nn.Linear(sizes[i], sizes[i + 1]))
            setattr(self, "bn%d" % i, nn.BatchNorm1d(sizes[i + 1]))
        self.out = nn.Linear(sizes[-1], n_out)

    def forward(self, x):
        for i in range(self.n_hidden):
            x = F.relu(getattr(self, "bn%d" % i)(getattr(self, f"fc{i}")(x)))
        return self.out(x)


def check() -> None:
    DeepMLP().eval()(torch.randn(4, 40))
