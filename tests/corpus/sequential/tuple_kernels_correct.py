"""Asymmetric kernels, strides and paddings given as tuples (a spectrogram net)."""
import torch
import torch.nn as nn

spec_net = nn.Sequential(  # shapelint: input=(B, 1, 64, 101)
    nn.Conv2d(1, 8, kernel_size=(3, 7), stride=(1, 2), padding=(1, 3)),
    nn.ReLU(),
    nn.MaxPool2d((2, 1)),
    nn.Conv2d(8, 8, kernel_size=(5, 1), stride=(2, 1)),
    nn.AvgPool2d(kernel_size=3, stride=2, padding=1),
    nn.Flatten(),
    nn.Linear(8 * 7 * 26, 12),
)


def check() -> None:
    with torch.no_grad():
        assert spec_net(torch.randn(2, 1, 64, 101)).shape == (2, 12)
