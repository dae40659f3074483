"""A model whose constructor needs an argument: only the package's test, reached through ``pkg/__init__``, builds
and feeds it, while more files than the importer budget merely subclass it."""

import torch.nn as nn


class Net(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, width, 3, stride=2, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Linear(width * 16 * 16, 10)  # expect: SHP001

    def forward(self, x):
        return self.head(self.features(x).flatten(1))
