"""M5-style raw-audio classifier (Dai et al. 2017) with a global pooling head."""
import torch
import torch.nn as nn

n_channel = 8
m5 = nn.Sequential(  # shapelint: input=(B, 1, 8000)
    nn.Conv1d(1, n_channel, kernel_size=80, stride=16),
    nn.BatchNorm1d(n_channel),
    nn.ReLU(),
    nn.MaxPool1d(4),
    nn.Conv1d(n_channel, n_channel, kernel_size=3),
    nn.BatchNorm1d(n_channel),
    nn.ReLU(),
    nn.MaxPool1d(4),
    nn.Conv1d(n_channel, 2 * n_channel, kernel_size=3),
    nn.BatchNorm1d(2 * n_channel),
    nn.ReLU(),
    nn.MaxPool1d(4),
    nn.AdaptiveAvgPool1d(1),
    nn.Flatten(),
    nn.Linear(2 * n_channel, 35),
)


def check() -> None:
    m5.eval()
    with torch.no_grad():
        m5(torch.randn(2, 1, 8000))
