"""BatchNorm1d num_features in a tabular MLP: the norm after the second Linear keeps the first width."""
import torch
from torch import nn

tabular = nn.Sequential(  # shapelint: input=(B, 30)
    nn.Linear(30, 128),
    nn.BatchNorm1d(128),
    nn.ReLU(),
    nn.Linear(128, 64),
    nn.BatchNorm1d(64),
    nn.ReLU(),
    nn.Linear(64, 1),
)


def check() -> None:
    tabular.eval()(torch.rand(4, 30))
