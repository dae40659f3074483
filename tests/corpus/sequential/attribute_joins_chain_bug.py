"""A head set as an attribute of a Sequential joins its chain at the end, as Module.__setattr__ registers it, after
the layer that replaced ``fc``; it is sized for the stem's width, not the replacement's."""

from collections import OrderedDict

import torch
import torch.nn as nn

model = nn.Sequential(OrderedDict(stem=nn.Linear(784, 64), act=nn.ReLU(), fc=nn.Linear(999, 10)))
model.fc = nn.Linear(64, 32)
model.head = nn.Linear(64, 10)  # expect: SHP001


def check():
    with torch.no_grad():
        model(torch.randn(2, 784))
