"""An Embedding + RNN encoder in an nn.Sequential whose tagger takes the embedding size, not the RNN's hidden size."""
import torch
import torch.nn as nn


class Tagger(nn.Module):  # shapelint: input=(B, 12)
    def __init__(self, vocab=50, embed=16, hidden=20, tags=7):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Embedding(vocab, embed),
            nn.RNN(embed, hidden, nonlinearity="relu", batch_first=True),
        )
        self.tagger = nn.Linear(embed, tags)  # expect: SHP001

    def forward(self, tokens):
        out, _ = self.encoder(tokens)
        return self.tagger(out)


def check() -> None:
    with torch.no_grad():
        Tagger()(torch.randint(0, 50, (2, 12)))
