"""A Linear after an Embedding and a mean over tokens: a fastText-style classifier with the wrong in_features."""
import torch
from torch import nn


class FastText(nn.Module):  # shapelint: input=(B, 64) dtype=long
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(20000, 300)
        self.fc = nn.Linear(300, 4)

    def forward(self, text):
        return self.fc(self.embedding(text).mean(dim=1))


def check() -> None:
    FastText()(torch.randint(0, 20000, (2, 64)))
