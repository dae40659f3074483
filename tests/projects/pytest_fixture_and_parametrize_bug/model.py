"""An image encoder whose input channels are a constructor argument, and a 1-D head sized by its width."""

import torch.nn as nn


class Encoder(nn.Module):
    def __init__(self, in_channels=3, width=16, num_classes=10):
        super().__init__()
        self.conv = nn.Conv2d(in_channels, width, kernel_size=3, padding=1)
        self.norm = nn.BatchNorm2d(width)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(width, num_classes)

    def forward(self, x):
        return self.fc(self.pool(self.norm(self.conv(x)).relu()).flatten(1))


class SignalHead(nn.Module):
    def __init__(self, channels=4):
        super().__init__()
        self.conv = nn.Conv1d(channels, 8, kernel_size=3)  # expect: SHP002

    def forward(self, x):
        return self.conv(x)
