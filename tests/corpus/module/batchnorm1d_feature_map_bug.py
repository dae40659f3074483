"""A BatchNorm1d applied to a conv feature map inside forward()."""
import torch
import torch.nn as nn


class Net(nn.Module):  # shapelint: input=(B, 3, 16, 16)
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, padding=1)
        self.bn = nn.BatchNorm1d(8)  # expect: SHP005
        self.fc = nn.Linear(8 * 16 * 16, 2)

    def forward(self, x):
        x = torch.relu(self.bn(self.conv(x)))
        return self.fc(x.flatten(1))


def check() -> None:
    with torch.no_grad():
        Net().eval()(torch.randn(2, 3, 16, 16))
