"""Conv1d stages extended over zip() of two channel lists."""
import torch
import torch.nn as nn

in_channels = [1, 32, 64]
out_channels = [32, 64, 128]
stages = []
for c_in, c_out in zip(in_channels, out_channels):
    stages.extend([nn.Conv1d(c_in, c_out, kernel_size=3, padding=1), nn.ReLU()])
encoder = nn.Sequential(*stages)  # shapelint: input=(B, 1, 100)


def check() -> None:
    with torch.no_grad():
        encoder(torch.randn(2, 1, 100))
