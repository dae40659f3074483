"""A 1-D convolutional classifier whose input channels are a constructor argument."""

import torch.nn as nn


class AudioNet(nn.Module):
    def __init__(self, n_input=1, n_classes=5):
        super().__init__()
        self.conv = nn.Conv1d(n_input, 8, kernel_size=5)
        self.pool = nn.AdaptiveAvgPool1d(1)
        self.fc = nn.Linear(8, n_classes)

    def forward(self, x):
        return self.fc(self.pool(self.conv(x)).flatten(1))
