"""A classifier called on two image sizes, as a notebook tries a new resolution: its head fits 16x16 images and
not 32x32 ones, and as no size written in the class gives both, the finding has no fix."""

import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(4))
        self.fc = nn.Linear(8 * 4 * 4, 10)  # expect: SHP001

    def forward(self, x):
        return self.fc(self.features(x).flatten(1))


def check():
    net = Net()
    net(torch.randn(1, 3, 16, 16))
    net(torch.randn(1, 3, 32, 32))


if __name__ == "__main__":
    check()
