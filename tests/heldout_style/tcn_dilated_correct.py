"""Temporal convolutional network: dilations 2**i over enumerate(zip(channels[:-1], channels[1:]))."""
import torch
import torch.nn as nn


class TemporalBlock(nn.Module):
    def __init__(self, n_inputs, n_outputs, kernel_size, dilation):
        super().__init__()
        padding = (kernel_size - 1) * dilation // 2
        self.conv = nn.Conv1d(n_inputs, n_outputs, kernel_size, padding=padding, dilation=dilation)
        self.bn = nn.BatchNorm1d(n_outputs)
        self.downsample = nn.Conv1d(n_inputs, n_outputs, 1) if n_inputs != n_outputs else None

    def forward(self, x):
        out = torch.relu(self.bn(self.conv(x)))
        res = x if self.downsample is None else self.downsample(x)
        return torch.relu(out + res)


class TCN(nn.Module):  # shapelint: input=(B, 4, 64)
    def __init__(self, channels=(4, 16, 16, 32), kernel_size=3):
        super().__init__()
        self.network = nn.Sequential(
            *[
                TemporalBlock(c_in, c_out, kernel_size, dilation=2**i)
                for i, (c_in, c_out) in enumerate(zip(channels[:-1], channels[1:]))
            ]
        )
        self.head = nn.Linear(channels[-1], 1)

    def forward(self, x):
        return self.head(self.network(x)[:, :, -1])


def check() -> None:
    with torch.no_grad():
        TCN().eval()(torch.randn(2, 4, 64))
