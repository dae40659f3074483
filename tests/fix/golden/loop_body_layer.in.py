"""A wrong literal inside a for loop's body: every iteration's BatchNorm gets the same wrong size, so it is fixed once."""
import torch
from torch import nn

layers = []
for _ in range(3):
    layers += [nn.Conv2d(64, 64, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU()]
trunk = nn.Sequential(*layers)  # shapelint: input=(B, 64, 16, 16)


def check() -> None:
    trunk.eval()(torch.rand(2, 64, 16, 16))
