"""LSTM input_size after an Embedding: a sentiment classifier whose LSTM expects the hidden size, not the embedding size."""
import torch
from torch import nn


class SentimentLSTM(nn.Module):  # shapelint: input=(B, 40) dtype=long
    def __init__(self, vocab_size=5000, embedding_dim=100, hidden_dim=256):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim)
        self.lstm = nn.LSTM(256, hidden_dim, batch_first=True)
        self.fc = nn.Linear(hidden_dim, 2)

    def forward(self, tokens):
        embedded = self.embedding(tokens)
        output, (hidden, cell) = self.lstm(embedded)
        return self.fc(hidden[-1])


def check() -> None:
    SentimentLSTM()(torch.randint(0, 5000, (2, 40)))
