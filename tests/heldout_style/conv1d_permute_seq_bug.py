"""Sequence model that forgets to permute: Conv1d receives (B, L, E), so its channels are the length."""
import torch
import torch.nn as nn


class SeqCNN(nn.Module):  # shapelint: input=(B, 40)
    def __init__(self, vocab=1000, emb=24):
        super().__init__()
        self.emb = nn.Embedding(vocab, emb)
        self.conv = nn.Conv1d(24, 32, kernel_size=3)  # expect: SHP002
        self.fc = nn.Linear(32, 2)

    def forward(self, tokens):
        x = self.emb(tokens)
        x = torch.relu(self.conv(x))
        return self.fc(x.mean(-1))


def check() -> None:
    with torch.no_grad():
        SeqCNN()(torch.randint(0, 1000, (2, 40)))
