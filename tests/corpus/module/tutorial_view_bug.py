"""Older tutorial style on 28x28 inputs: x.view(x.size(0), -1) then a fc1 sized for 32x32."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class LeNet(nn.Module):  # shapelint: input=(B, 1, 28, 28)
    def __init__(self):
        super(LeNet, self).__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(400, 120)  # expect: SHP001
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(x.size(0), -1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def check() -> None:
    with torch.no_grad():
        LeNet()(torch.randn(2, 1, 28, 28))
