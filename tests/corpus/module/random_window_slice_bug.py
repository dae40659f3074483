"""An audio classifier fed one-second windows cut at a random start (``clips[:, :, start:start + 16000]``): the slice
keeps the channel dimension whatever its bounds, and the clips are mono while the first convolution expects stereo."""

import random

import torch
import torch.nn as nn


class AudioNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv1d(2, 16, kernel_size=80, stride=16),  # expect: SHP002
            nn.ReLU(),
            nn.Conv1d(16, 32, kernel_size=3),
            nn.ReLU(),
            nn.AdaptiveAvgPool1d(1),
        )
        self.fc = nn.Linear(32, num_classes)

    def forward(self, x):
        return self.fc(self.features(x).squeeze(-1))


def check():
    clips = torch.randn(4, 1, 48000)
    model = AudioNet()
    start = random.randint(0, 32000)
    with torch.no_grad():
        model(clips[:, :, start : start + 16000])
