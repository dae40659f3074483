"""BatchNorm2d on the conv map and BatchNorm1d on the flattened features."""
import torch
import torch.nn as nn


class Net(nn.Module):  # shapelint: input=(B, 3, 16, 16)
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, padding=1)
        self.bn = nn.BatchNorm2d(8)
        self.fc = nn.Linear(8 * 16 * 16, 32)
        self.bn_fc = nn.BatchNorm1d(32)
        self.out = nn.Linear(32, 2)

    def forward(self, x):
        x = torch.relu(self.bn(self.conv(x)))
        x = torch.relu(self.bn_fc(self.fc(x.flatten(1))))
        return self.out(x)


def check() -> None:
    with torch.no_grad():
        Net().eval()(torch.randn(2, 3, 16, 16))
