"""A block that halves the resolution and doubles the channels, as a model zoo's ``ops`` package has it."""

import torch.nn as nn


class Downsample(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.reduce = nn.Conv2d(channels, channels * 2, kernel_size=2, stride=2)
        self.norm = nn.BatchNorm2d(channels * 2)

    def forward(self, x):
        return self.norm(self.reduce(x))
