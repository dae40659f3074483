"""A face-recognition backbone in the insightface style: block specifications are collections.namedtuple records
made by get_blocks(), and each stage's first unit downsamples.  The output layer is sized for 128x128 crops
(8x8 after four stages), but the training script feeds 112x112 ones (7x7)."""
from collections import namedtuple

import torch
import torch.nn as nn


class Bottleneck(namedtuple("Block", ["in_channel", "depth", "stride"])):
    """A named tuple describing a ResNet block."""


def get_block(in_channel, depth, num_units, stride=2):
    return [Bottleneck(in_channel, depth, stride)] + [Bottleneck(depth, depth, 1) for _ in range(num_units - 1)]


def get_blocks():
    return [get_block(8, 8, 2), get_block(8, 16, 2), get_block(16, 32, 2), get_block(32, 64, 2)]


class BottleneckIR(nn.Module):
    def __init__(self, in_channel, depth, stride):
        super().__init__()
        if in_channel == depth:
            self.shortcut_layer = nn.MaxPool2d(1, stride)
        else:
            self.shortcut_layer = nn.Sequential(nn.Conv2d(in_channel, depth, 1, stride, bias=False), nn.BatchNorm2d(depth))
        self.res_layer = nn.Sequential(
            nn.BatchNorm2d(in_channel),
            nn.Conv2d(in_channel, depth, 3, 1, 1, bias=False),
            nn.PReLU(depth),
            nn.Conv2d(depth, depth, 3, stride, 1, bias=False),
            nn.BatchNorm2d(depth),
        )

    def forward(self, x):
        return self.res_layer(x) + self.shortcut_layer(x)


class Backbone(nn.Module):
    def __init__(self):
        super().__init__()
        self.input_layer = nn.Sequential(nn.Conv2d(3, 8, 3, 1, 1, bias=False), nn.BatchNorm2d(8), nn.PReLU(8))
        self.output_layer = nn.Sequential(
            nn.BatchNorm2d(64), nn.Dropout(), nn.Flatten(), nn.Linear(64 * 8 * 8, 128), nn.BatchNorm1d(128)  # expect: SHP001
        )
        modules = []
        for block in get_blocks():
            for bottleneck in block:
                modules.append(BottleneckIR(bottleneck.in_channel, bottleneck.depth, bottleneck.stride))
        self.body = nn.Sequential(*modules)

    def forward(self, x):
        return self.output_layer(self.body(self.input_layer(x)))


def check() -> None:
    """What the training script feeds: batches of 112x112 face crops."""
    model = Backbone().eval()
    with torch.no_grad():
        model(torch.randn(2, 3, 112, 112))


if __name__ == "__main__":
    check()
