"""M5-style raw-audio classifier whose third BatchNorm1d misses the channel doubling."""
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
    nn.BatchNorm1d(n_channel),  # expect: SHP003
    nn.ReLU(),
    nn.AdaptiveAvgPool1d(1),
    nn.Flatten(),
    nn.Linear(2 * n_channel, 35),
)


def check() -> None:
    m5.eval()
    with torch.no_grad():
        m5(torch.randn(2, 1, 8000))
