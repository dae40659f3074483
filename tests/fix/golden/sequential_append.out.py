"""A layer added with Sequential.append after construction."""
import torch
from torch import nn

encoder = nn.Sequential(nn.Linear(128, 64), nn.ReLU())  # shapelint: input=(B, 128)
encoder.append(nn.Linear(64, 16))
encoder.append(nn.Tanh())


def check() -> None:
    encoder(torch.rand(2, 128))
