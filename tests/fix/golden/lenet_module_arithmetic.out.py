"""Constant arithmetic in an nn.Module: the CIFAR tutorial's 16 * 5 * 5 kept for 28x28 MNIST."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):  # shapelint: input=(B, 1, 28, 28)
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 4 * 4, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def check() -> None:
    Net()(torch.rand(2, 1, 28, 28))
