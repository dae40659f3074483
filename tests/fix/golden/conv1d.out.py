"""Conv1d in_channels: a 1-D CNN over 12-lead ECG signals whose second convolution expects the wrong width."""
import torch
from torch import nn

ecg = nn.Sequential(  # shapelint: input=(B, 12, 1000)
    nn.Conv1d(12, 32, kernel_size=7, padding=3),
    nn.ReLU(),
    nn.MaxPool1d(2),
    nn.Conv1d(32, 64, kernel_size=5, padding=2),
    nn.ReLU(),
    nn.AdaptiveAvgPool1d(1),
    nn.Flatten(),
    nn.Linear(64, 5),
)


def check() -> None:
    ecg(torch.rand(2, 12, 1000))
