"""CycleGAN's residual block, built at two widths; every layer of the block reads the block's own width."""

import torch
from torch import nn


class ResidualBlock(nn.Module):
    def __init__(self, in_features):
        super().__init__()
        self.block = nn.Sequential(
            nn.ReflectionPad2d(1),
            nn.Conv2d(in_features, in_features, 3),
            nn.InstanceNorm2d(in_features),
            nn.ReLU(inplace=True),
            nn.ReflectionPad2d(1),
            nn.Conv2d(in_features, in_features, 3),
            nn.InstanceNorm2d(in_features),
        )

    def forward(self, x):
        return x + self.block(x)


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 32, 3, padding=1)
        self.low = ResidualBlock(32)
        self.down = nn.Conv2d(32, 64, 3, stride=2, padding=1)
        self.high = ResidualBlock(64)

    def forward(self, x):
        return self.high(self.down(self.low(self.stem(x))))


def check() -> None:
    Generator()(torch.rand(2, 3, 16, 16))


if __name__ == "__main__":
    Generator()(torch.rand(2, 3, 16, 16))
