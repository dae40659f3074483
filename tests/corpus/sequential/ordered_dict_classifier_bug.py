"""A named-layer classifier built from an OrderedDict with a directive."""
import collections

import torch
from torch import nn

classifier = nn.Sequential(  # shapelint: input=(B, 64, 7, 7)
    collections.OrderedDict(
        [
            ("pool", nn.AvgPool2d(7)),
            ("flatten", nn.Flatten()),
            ("fc", nn.Linear(64 * 7 * 7, 10)),  # expect: SHP001
        ]
    )
)


def check() -> None:
    with torch.no_grad():
        classifier(torch.randn(2, 64, 7, 7))
