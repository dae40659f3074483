"""The original 60-minute-blitz Net: x.view(-1, 16 * 5 * 5) with a num_flat_features-free forward."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):  # shapelint: input=(B, 1, 32, 32)
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 6, 3)
        self.conv2 = nn.Conv2d(6, 16, 3)
        self.fc1 = nn.Linear(16 * 6 * 6, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(-1, 16 * 6 * 6)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def check() -> None:
    with torch.no_grad():
        Net()(torch.randn(2, 1, 32, 32))
