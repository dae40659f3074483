"""Functional ops in forward(); the final Linear uses the conv width instead of the projected width."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):  # shapelint: input=(B, 3, 15, 15)
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3)
        self.proj = nn.Linear(8, 16)
        self.fc = nn.Linear(8 * 4, 10)  # expect: SHP001

    def forward(self, x):
        x = F.pad(x, (1, 1, 1, 1))
        x = F.relu(self.conv(x))
        x = F.interpolate(x, scale_factor=2, mode="nearest")
        x = F.adaptive_avg_pool2d(x, (2, 2))
        x = x.reshape(x.shape[0], 8, -1).transpose(1, 2)
        x = F.dropout(self.proj(x), p=0.1, training=self.training)
        x = x.flatten(1)
        return F.softmax(self.fc(x), dim=-1)


def check() -> None:
    with torch.no_grad():
        assert Net().eval()(torch.randn(2, 3, 15, 15)).shape == (2, 10)
