"""An LSTM classifier: embedding, LSTM (unknown to shape checks is fine), last step, Linear."""
import torch
import torch.nn as nn


class LSTMClassifier(nn.Module):  # shapelint: input=(B, T)
    def __init__(self, vocab=200, embed=16, hidden=24, num_classes=3, bidirectional=True):
        super().__init__()
        self.embedding = nn.Embedding(vocab, embed)
        self.lstm = nn.LSTM(embed, hidden, batch_first=True, bidirectional=bidirectional)
        self.fc = nn.Linear(hidden * (2 if bidirectional else 1), num_classes)

    def forward(self, tokens):
        out, _ = self.lstm(self.embedding(tokens))
        return self.fc(out[:, -1, :])


def check() -> None:
    with torch.no_grad():
        LSTMClassifier()(torch.randint(0, 200, (2, 9)))
