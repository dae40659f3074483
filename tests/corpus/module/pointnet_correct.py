"""A small PointNet classifier: shared per-point Conv1d MLP, max over points, Linear head."""
import torch
import torch.nn as nn


class PointNet(nn.Module):  # shapelint: input=(B, 3, N)
    def __init__(self, k=5):
        super().__init__()
        self.conv1 = nn.Conv1d(3, 32, 1)
        self.conv2 = nn.Conv1d(32, 64, 1)
        self.conv3 = nn.Conv1d(64, 256, 1)
        self.bn1 = nn.BatchNorm1d(32)
        self.bn2 = nn.BatchNorm1d(64)
        self.bn3 = nn.BatchNorm1d(256)
        self.fc1 = nn.Linear(256, 128)
        self.fc2 = nn.Linear(128, k)

    def forward(self, x):
        x = torch.relu(self.bn1(self.conv1(x)))
        x = torch.relu(self.bn2(self.conv2(x)))
        x = self.bn3(self.conv3(x))
        x = torch.max(x, 2, keepdim=True)[0]
        x = x.view(-1, 256)
        return self.fc2(torch.relu(self.fc1(x)))


def check() -> None:
    with torch.no_grad():
        PointNet().eval()(torch.randn(2, 3, 100))
