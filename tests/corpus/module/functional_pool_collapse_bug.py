"""Functional poolings in forward() shrink an 8x8 input to nothing."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):  # shapelint: input=(B, 1, 8, 8)
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3)
        self.conv2 = nn.Conv2d(4, 8, 3)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.relu(self.conv2(x))
        x = F.max_pool2d(x, 2)  # expect: SHP004
        return torch.flatten(x, 1)


def check() -> None:
    with torch.no_grad():
        Net()(torch.randn(2, 1, 8, 8))
