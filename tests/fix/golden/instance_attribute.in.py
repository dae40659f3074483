"""A size held in an instance attribute (self.embed_dim): --unsafe-fixes replaces the attribute where the layer reads it."""
import torch
from torch import nn


class TextCNN(nn.Module):  # shapelint: input=(B, 50) dtype=long
    def __init__(self):
        super().__init__()
        self.embed_dim = 128
        self.embedding = nn.Embedding(5000, 300)
        self.conv = nn.Conv1d(self.embed_dim, 100, kernel_size=3)
        self.fc = nn.Linear(100, 2)

    def forward(self, tokens):
        x = self.embedding(tokens).transpose(1, 2)
        x = torch.relu(self.conv(x)).max(dim=2).values
        return self.fc(x)


def check() -> None:
    TextCNN()(torch.randint(0, 5000, (2, 50)))
