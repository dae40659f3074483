"""A network of the package, built from the block its ``__init__`` re-exports."""

import torch
import torch.nn as nn

import visionkit

net = nn.Sequential(
    nn.Conv2d(3, 16, 3, padding=1),
    visionkit.Downsample(16),
    nn.BatchNorm2d(16),  # expect: SHP003
    nn.ReLU(),
)


def check():
    net(torch.randn(2, 3, 64, 64))


if __name__ == "__main__":
    print(net(torch.randn(2, 3, 64, 64)).shape)
