"""Bidirectional LSTM tagger: the head takes 2 * hidden features, taken from the last time step."""
import torch
import torch.nn as nn


class BiLSTMClassifier(nn.Module):  # shapelint: input=(B, 25)
    def __init__(self, vocab_size=300, embed_dim=32, hidden_dim=40, num_classes=6):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.lstm = nn.LSTM(embed_dim, hidden_dim, num_layers=2, batch_first=True, bidirectional=True)
        self.norm = nn.LayerNorm(2 * hidden_dim)
        self.fc = nn.Linear(hidden_dim * 2, num_classes)

    def forward(self, tokens):
        output, (h_n, c_n) = self.lstm(self.embedding(tokens))
        return self.fc(self.norm(output[:, -1, :]))


def check() -> None:
    with torch.no_grad():
        BiLSTMClassifier()(torch.randint(0, 300, (2, 25)))
