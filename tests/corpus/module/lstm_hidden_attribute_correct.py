"""A classifier head sized from the encoder's own hidden_size attribute, doubled for the two directions."""
import torch
import torch.nn as nn


class Classifier(nn.Module):  # shapelint: input=(B, 25, 128)
    def __init__(self) -> None:
        super().__init__()
        self.rnn = nn.LSTM(128, 64, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(2 * self.rnn.hidden_size, 10)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.fc(out[:, -1])


def check() -> None:
    with torch.no_grad():
        Classifier()(torch.randn(2, 25, 128))
