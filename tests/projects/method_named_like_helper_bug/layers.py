"""Blocks in their own file, as papers' code keeps them.  ``Encoder`` has a method named like the module's helper
function: inside ``__init__``, ``block(...)`` is the module's function (Python skips the class's names)."""

import torch.nn as nn


def block(in_features, out_features):
    return nn.Sequential(nn.Linear(in_features, out_features), nn.ReLU())


class Encoder(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.layers = nn.Sequential(*[block(a, b) for a, b in zip(sizes, sizes[1:])])

    def block(self, index):
        return self.layers[index]

    def forward(self, x):
        return self.layers(x)
