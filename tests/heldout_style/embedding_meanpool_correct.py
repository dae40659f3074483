"""fastText-like bag of embeddings: Embedding, mean over tokens, Linear."""
import torch
import torch.nn as nn

VOCAB, DIM, CLASSES = 5000, 64, 4


class FastText(nn.Module):  # shapelint: input=(B, 30)
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(VOCAB, DIM)
        self.fc = nn.Linear(DIM, CLASSES)

    def forward(self, text):
        embedded = self.embedding(text)
        pooled = embedded.mean(dim=1)
        return self.fc(pooled)


def check() -> None:
    with torch.no_grad():
        FastText()(torch.randint(0, VOCAB, (3, 30)))
