"""A model whose conv and Linear sizes all derive from constructor parameters with defaults."""
import torch
import torch.nn as nn


class SmallCNN(nn.Module):  # shapelint: input=(B, 1, 28, 28)
    def __init__(self, in_channels=1, num_classes=10, width=16):
        super().__init__()
        self.in_channels = in_channels
        self.conv1 = nn.Conv2d(in_channels, width, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(width, width * 2, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(width * 2 * 7 * 7, num_classes)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv1(x)))
        x = self.pool(torch.relu(self.conv2(x)))
        return self.fc(x.flatten(1))


def check() -> None:
    with torch.no_grad():
        SmallCNN()(torch.randn(2, 1, 28, 28))
