"""A layer built through functools.partial(nn.Conv2d, ...): the positional in_channels at the call is fixed."""
from functools import partial

import torch
from torch import nn

conv3x3 = partial(nn.Conv2d, kernel_size=3, padding=1, bias=False)

block = nn.Sequential(  # shapelint: input=(B, 32, 16, 16)
    conv3x3(32, 64), nn.BatchNorm2d(64), nn.ReLU(),
    conv3x3(64, 64), nn.BatchNorm2d(64), nn.ReLU(),
)


def check() -> None:
    block.eval()(torch.rand(2, 32, 16, 16))
