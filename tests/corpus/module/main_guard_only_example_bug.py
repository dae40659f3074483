"""Script style: the head is sized for 32x32 images, the main guard feeds 28x28."""
import json

import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3)
        self.fc = nn.Linear(8 * 30 * 30, 10)  # expect: SHP001

    def forward(self, x):
        return self.fc(torch.flatten(self.conv(x), 1))


def check() -> None:
    shape = json.loads("[1, 3, 28, 28]")  # opaque to the linter: only the main block says 28x28
    with torch.no_grad():
        Net()(torch.randn(*shape))


if __name__ == "__main__":
    net = Net()
    print(net(torch.randn(1, 3, 28, 28)).shape)
