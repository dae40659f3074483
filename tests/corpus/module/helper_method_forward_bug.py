"""forward() delegates to a helper method; the head after it is sized wrong."""
import torch
import torch.nn as nn


class Net(nn.Module):  # shapelint: input=(B, 1, 16, 16)
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, 3, padding=1)
        self.conv2 = nn.Conv2d(8, 16, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(16 * 8 * 8, 10)  # expect: SHP001

    def features(self, x):
        x = self.pool(torch.relu(self.conv1(x)))
        return self.pool(torch.relu(self.conv2(x)))

    def forward(self, x):
        return self.fc(torch.flatten(self.features(x), 1))


def check() -> None:
    with torch.no_grad():
        Net()(torch.randn(2, 1, 16, 16))
