"""A projected bidirectional LSTM whose head is sized for the hidden size, not the projection."""
import torch
import torch.nn as nn


class HiddenStateClassifier(nn.Module):  # shapelint: input=(B, 30)
    def __init__(self, vocab=100, embed=24, hidden=48, proj=16, classes=4):
        super().__init__()
        self.embedding = nn.Embedding(vocab, embed)
        self.lstm = nn.LSTM(embed, hidden, num_layers=2, bidirectional=True, proj_size=proj)
        self.norm = nn.LayerNorm(hidden)
        self.fc = nn.Linear(2 * hidden, classes)  # expect: SHP001

    def forward(self, tokens):
        x = self.embedding(tokens).transpose(0, 1)
        out, (h, c) = self.lstm(x)
        state = self.norm(c[-1])
        return self.fc(torch.cat((h[-2], h[-1]), dim=1)) + state.mean(dim=1, keepdim=True)


def check() -> None:
    with torch.no_grad():
        HiddenStateClassifier()(torch.randint(0, 100, (2, 30)))
