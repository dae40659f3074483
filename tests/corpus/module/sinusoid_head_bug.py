"""A tutorial Transformer's encoder input: a sinusoid table worked out element by element in numpy, added to the
token embeddings, then a layer norm and a classifier written for half the width."""
import numpy as np
import torch
import torch.nn as nn


def sinusoid_table(n_position, d_model):
    def angle(position, index):
        return position / np.power(10000, 2 * (index // 2) / d_model)

    def row(position):
        return [angle(position, index) for index in range(d_model)]

    table = np.array([row(position) for position in range(n_position)])
    table[:, 0::2] = np.sin(table[:, 0::2])
    table[:, 1::2] = np.cos(table[:, 1::2])
    return torch.FloatTensor(table)


class Encoder(nn.Module):  # shapelint: input=(B, 12)
    def __init__(self, vocab_size=100, d_model=128, max_len=16, num_classes=3):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, d_model)
        self.pos = nn.Embedding.from_pretrained(sinusoid_table(max_len, d_model), freeze=True)
        self.norm = nn.LayerNorm(d_model)
        self.head = nn.Linear(d_model // 2, num_classes)  # expect: SHP001

    def forward(self, tokens):
        x = self.norm(self.embed(tokens))
        positions = torch.arange(tokens.size(1)).unsqueeze(0)
        x = x + self.pos(positions)
        return self.head(x.mean(1))


def check() -> None:
    with torch.no_grad():
        Encoder().eval()(torch.randint(0, 100, (2, 12)))
