"""An LSTM inside nn.Sequential whose head after the output picker ignores the second direction."""
import torch
import torch.nn as nn


class SelectItem(nn.Module):
    def __init__(self, index):
        super().__init__()
        self.index = index

    def forward(self, inputs):
        return inputs[self.index]


class LastStep(nn.Module):
    def forward(self, x):
        return x[:, -1]


model = nn.Sequential(  # shapelint: input=(B, 25, 12)
    nn.LSTM(12, 32, num_layers=2, batch_first=True, bidirectional=True),
    SelectItem(0),
    LastStep(),
    nn.Linear(32, 4),  # expect: SHP001
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 25, 12))
