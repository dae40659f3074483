"""A layer inside nn.Sequential(OrderedDict(...)): named layers of a small classifier head."""
from collections import OrderedDict

import torch
from torch import nn

head = nn.Sequential(OrderedDict([  # shapelint: input=(B, 512, 7, 7)
    ("pool", nn.AdaptiveAvgPool2d(1)),
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(512, 256)),
    ("relu", nn.ReLU()),
    ("fc2", nn.Linear(256, 10)),
]))


def check() -> None:
    head(torch.rand(2, 512, 7, 7))
