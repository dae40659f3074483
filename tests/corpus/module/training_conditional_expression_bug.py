"""Dropout written as a conditional expression on ``self.training``, which cannot be decided: both sides run as
code that may run, and the tensor keeps the shape they agree on, so the layer after it is still checked."""

import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 128)
        self.drop = nn.Dropout(0.5)
        self.fc2 = nn.Linear(64, 10)  # expect: SHP001

    def forward(self, x):
        x = torch.relu(self.fc1(x.flatten(1)))
        x = self.drop(x) if self.training else x
        return self.fc2(x)


def check():
    Net()(torch.randn(2, 1, 28, 28))
