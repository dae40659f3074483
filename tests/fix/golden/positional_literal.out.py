"""An int literal passed by position: an MNIST MLP whose second Linear restates the wrong width."""
import torch
from torch import nn

mlp = nn.Sequential(  # shapelint: input=(B, 784)
    nn.Linear(784, 256),
    nn.ReLU(),
    nn.Linear(256, 10),
)


def check() -> None:
    mlp(torch.rand(4, 784))
