"""Bag of embeddings where the classifier takes the concatenated width although only the mean is fed."""
import torch
import torch.nn as nn

VOCAB, DIM, CLASSES = 5000, 64, 4


class FastText(nn.Module):  # shapelint: input=(B, 30)
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(VOCAB, DIM)
        self.fc = nn.Linear(2 * DIM, CLASSES)  # expect: SHP001

    def forward(self, text):
        return self.fc(self.embedding(text).mean(dim=1))


def check() -> None:
    with torch.no_grad():
        FastText()(torch.randint(0, VOCAB, (3, 30)))
