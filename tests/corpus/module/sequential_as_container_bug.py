"""An nn.Sequential used as a container, not a chain: two embeddings called each on its own input through an index; the second head is sized for the embeddings' 8 instead of 16."""
import torch
import torch.nn as nn


class PairEmbedding(nn.Module):
    def __init__(self):
        super().__init__()
        self.embeds = nn.Sequential(nn.Embedding(100, 16), nn.Embedding(50, 16))
        self.heads = nn.Sequential(nn.Linear(16, 4), nn.Linear(8, 2))  # expect: SHP001

    def forward(self, words, tags):
        x = self.embeds[0](words) + self.embeds[1](tags)
        return self.heads[0](x), self.heads[1](x)


def check() -> None:
    with torch.no_grad():
        PairEmbedding()(torch.randint(0, 100, (2, 7)), torch.randint(0, 50, (2, 7)))


if __name__ == "__main__":
    PairEmbedding()(torch.randint(0, 100, (2, 7)), torch.randint(0, 50, (2, 7)))
