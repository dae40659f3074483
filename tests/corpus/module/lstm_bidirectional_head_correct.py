"""A bidirectional LSTM over precomputed features; the head reads 2 * hidden features at the last step."""
import torch
import torch.nn as nn


class SequenceClassifier(nn.Module):  # shapelint: input=(B, 25, 128)
    def __init__(self):
        super().__init__()
        self.rnn = nn.LSTM(128, 64, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(128, 10)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.fc(out[:, -1])


def check() -> None:
    with torch.no_grad():
        SequenceClassifier()(torch.randn(2, 25, 128))
