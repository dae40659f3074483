"""A layer added with add_module to an empty nn.Sequential."""
import torch
from torch import nn

net = nn.Sequential()  # shapelint: input=(B, 1, 28, 28)
net.add_module("conv", nn.Conv2d(1, 8, kernel_size=3))
net.add_module("relu", nn.ReLU())
net.add_module("flatten", nn.Flatten())
net.add_module("fc", nn.Linear(8 * 26 * 26, 10))


def check() -> None:
    net(torch.rand(2, 1, 28, 28))
