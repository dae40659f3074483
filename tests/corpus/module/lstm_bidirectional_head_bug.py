"""A bidirectional LSTM whose head forgets that both directions are concatenated: 64 features, not 128."""
import torch
import torch.nn as nn


class SequenceClassifier(nn.Module):  # shapelint: input=(B, 25, 128)
    def __init__(self):
        super().__init__()
        self.rnn = nn.LSTM(128, 64, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(64, 10)  # expect: SHP001

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.fc(out[:, -1])


def check() -> None:
    with torch.no_grad():
        SequenceClassifier()(torch.randn(2, 25, 128))
