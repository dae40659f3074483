"""The torch docs' OrderedDict Sequential."""
from collections import OrderedDict

import torch
import torch.nn as nn

model = nn.Sequential(
    OrderedDict(
        [
            ("conv1", nn.Conv2d(1, 20, 5)),
            ("relu1", nn.ReLU()),
            ("conv2", nn.Conv2d(20, 64, 5)),
            ("relu2", nn.ReLU()),
        ]
    )
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 1, 16, 16))
