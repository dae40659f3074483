"""Named layers through an OrderedDict, the second linear's input typed from an older hidden size."""
from collections import OrderedDict

import torch
import torch.nn as nn

classifier = nn.Sequential(
    OrderedDict(
        [
            ("fc1", nn.Linear(1024, 256)),
            ("relu", nn.ReLU()),
            ("drop", nn.Dropout(0.2)),
            ("fc2", nn.Linear(500, 102)),  # expect: SHP001
            ("output", nn.LogSoftmax(dim=1)),
        ]
    )
)


def check() -> None:
    with torch.no_grad():
        classifier(torch.randn(2, 1024))
