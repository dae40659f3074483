"""Forum: "ValueError: Target size (torch.Size([32])) must be the same as input size (torch.Size([32, 2]))". A
two-class head trained with BCEWithLogitsLoss on the class indices."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TextClassifier(nn.Module):
    def __init__(self, vocab=1000, dim=32):
        super().__init__()
        self.embedding = nn.EmbeddingBag(vocab, dim)
        self.head = nn.Linear(dim, 2)

    def forward(self, tokens):
        return self.head(self.embedding(tokens))


def check() -> None:
    model = TextClassifier()
    tokens = torch.randint(0, 1000, (32, 20))
    labels = torch.randint(0, 2, (32,))
    criterion = nn.BCEWithLogitsLoss()
    criterion(model(tokens), labels.float())  # expect: SHP006
