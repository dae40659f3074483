"""A model that needs its constructor's arguments: only the project's unit test says how it is built and fed."""

import torch.nn as nn


class SmallCNN(nn.Module):
    def __init__(self, channels, width=8, classes=10):
        super().__init__()
        self.conv = nn.Conv2d(channels, width, 3)
        self.fc = nn.Linear(width * 28 * 28, classes)  # expect: SHP001

    def forward(self, x):
        return self.fc(self.conv(x).flatten(1))
