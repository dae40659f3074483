"""A library folder that is no package root: the script adds ``lib`` to ``sys.path`` to import it."""

import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3)
        self.fc = nn.Linear(16, 6)  # expect: SHP001

    def forward(self, x):
        return self.fc(self.conv(x).mean((2, 3)))
