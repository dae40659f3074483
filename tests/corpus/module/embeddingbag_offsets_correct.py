"""The PyTorch text-classification tutorial: EmbeddingBag on a flat 1-D batch with offsets."""
import torch
import torch.nn as nn


class TextClassificationModel(nn.Module):
    def __init__(self, vocab_size: int = 100, embed_dim: int = 16, num_class: int = 4) -> None:
        super().__init__()
        self.embedding = nn.EmbeddingBag(vocab_size, embed_dim)
        self.fc = nn.Linear(embed_dim, num_class)

    def forward(self, text, offsets):
        embedded = self.embedding(text, offsets)
        return self.fc(embedded)


def check() -> None:
    with torch.no_grad():
        model = TextClassificationModel()
        model(torch.randint(0, 100, (20,)), torch.tensor([0, 5, 12]))


if __name__ == "__main__":
    TextClassificationModel()(torch.randint(0, 100, (20,)), torch.tensor([0, 5, 12]))
