"""Blocks added to a model's ModuleList by a counted loop in the script: each step changes the model in place, so
the loop is never taken for one that repeats itself, and the fourth block is checked too."""

import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = nn.ModuleList()

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return x


def check():
    net = Net()
    for i in range(4):
        net.blocks.append(nn.Linear(16, 16) if i < 3 else nn.Linear(16, 16))
    net(torch.randn(2, 16))
