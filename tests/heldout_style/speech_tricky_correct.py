"""Tricky but correct: 'same' padding, dilation, groups, ceil_mode, Flatten(start_dim=2), Linear on a 3-D tensor."""
import torch
import torch.nn as nn

frontend = nn.Sequential(  # shapelint: input=(B, 1, 40, 101)
    nn.Conv2d(1, 16, kernel_size=(3, 5), padding="same"),
    nn.BatchNorm2d(16),
    nn.ReLU(),
    nn.Conv2d(16, 16, kernel_size=3, padding=2, dilation=2, groups=16),
    nn.Conv2d(16, 32, kernel_size=1),
    nn.MaxPool2d(kernel_size=(2, 3), ceil_mode=True),
    nn.Flatten(start_dim=1, end_dim=2),
    nn.Conv1d(32 * 20, 64, kernel_size=3, padding=1),
    nn.AdaptiveAvgPool1d(10),
    nn.Flatten(start_dim=2),
    nn.Linear(10, 12),
    nn.LayerNorm(12),
    nn.Flatten(),
    nn.Linear(64 * 12, 8),
)


def check() -> None:
    frontend.eval()
    with torch.no_grad():
        assert frontend(torch.randn(2, 1, 40, 101)).shape == (2, 8)
