"""locuslab-style TCN whose output BatchNorm1d takes the first level width instead of the last."""
import torch
import torch.nn as nn
from torch.nn.utils import weight_norm


class Chomp1d(nn.Module):
    def __init__(self, chomp_size):
        super().__init__()
        self.chomp_size = chomp_size

    def forward(self, x):
        return x[:, :, : -self.chomp_size].contiguous()


class TemporalBlock(nn.Module):
    def __init__(self, n_inputs, n_outputs, kernel_size, dilation, dropout=0.2):
        super().__init__()
        padding = (kernel_size - 1) * dilation
        self.net = nn.Sequential(
            weight_norm(nn.Conv1d(n_inputs, n_outputs, kernel_size, padding=padding, dilation=dilation)),
            Chomp1d(padding),
            nn.ReLU(),
            nn.Dropout(dropout),
            weight_norm(nn.Conv1d(n_outputs, n_outputs, kernel_size, padding=padding, dilation=dilation)),
            Chomp1d(padding),
            nn.ReLU(),
            nn.Dropout(dropout),
        )
        self.downsample = nn.Conv1d(n_inputs, n_outputs, 1) if n_inputs != n_outputs else None
        self.relu = nn.ReLU()

    def forward(self, x):
        out = self.net(x)
        res = x if self.downsample is None else self.downsample(x)
        return self.relu(out + res)


class SequenceModel(nn.Module):  # shapelint: input=(B, 1, 64)
    def __init__(self, levels=(8, 8, 16), kernel_size=3, n_classes=10):
        super().__init__()
        blocks = []
        for i, width in enumerate(levels):
            cin = 1 if i == 0 else levels[i - 1]
            blocks.append(TemporalBlock(cin, width, kernel_size, dilation=2**i))
        self.tcn = nn.Sequential(*blocks)
        self.norm = nn.BatchNorm1d(levels[0])  # expect: SHP003
        self.fc = nn.Linear(levels[-1], n_classes)

    def forward(self, x):
        y = self.norm(self.tcn(x))
        return self.fc(y[:, :, -1])


def check() -> None:
    SequenceModel().eval()(torch.randn(2, 1, 64))
