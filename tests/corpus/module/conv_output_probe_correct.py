"""The common `_get_conv_output` pattern: the flatten size comes from a dummy forward in __init__."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):  # shapelint: input=(B, 3, 50, 38)
    def __init__(self, input_shape=(3, 50, 38), num_classes=4):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 5)
        self.conv2 = nn.Conv2d(8, 16, 5)
        n_size = self._get_conv_output(input_shape)
        self.fc1 = nn.Linear(n_size, 32)
        self.fc2 = nn.Linear(32, num_classes)

    def _get_conv_output(self, shape):
        with torch.no_grad():
            output = self._forward_features(torch.zeros(1, *shape))
        return output.data.view(1, -1).size(1)

    def _forward_features(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        return F.max_pool2d(F.relu(self.conv2(x)), 2)

    def forward(self, x):
        x = self._forward_features(x)
        x = x.view(x.size(0), -1)
        return self.fc2(F.relu(self.fc1(x)))


def check() -> None:
    with torch.no_grad():
        Net()(torch.randn(2, 3, 50, 38))
