"""The torch docs' OrderedDict Sequential, with conv2 expecting the wrong channels."""
from collections import OrderedDict

import torch
import torch.nn as nn

model = nn.Sequential(
    OrderedDict(
        [
            ("conv1", nn.Conv2d(1, 20, 5)),
            ("relu1", nn.ReLU()),
            ("conv2", nn.Conv2d(32, 64, 5)),  # expect: SHP002
            ("relu2", nn.ReLU()),
        ]
    )
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 1, 16, 16))
