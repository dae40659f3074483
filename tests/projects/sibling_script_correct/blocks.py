"""Encoder blocks, imported by the training script next to this file (``from blocks import Encoder``)."""

import torch.nn as nn


def conv_block(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(), nn.MaxPool2d(2))


class Encoder(nn.Module):
    def __init__(self, channels, width):
        super().__init__()
        self.features = nn.Sequential(conv_block(channels, width), conv_block(width, width * 2))

    def forward(self, x):
        return self.features(x)
