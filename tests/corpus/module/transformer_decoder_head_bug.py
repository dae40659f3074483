"""A decoder layer reads target embeddings against an encoded memory; the head is sized for the feed-forward width."""
import torch
import torch.nn as nn


class Decoder(nn.Module):  # shapelint: input=(T, B)
    def __init__(self, vocab=500, d_model=64):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_model)
        self.layer = nn.TransformerDecoderLayer(64, 4, dim_feedforward=128)
        self.out = nn.Linear(128, vocab)  # expect: SHP001

    def forward(self, tgt, memory):
        return self.out(self.layer(self.embed(tgt), memory))


def check() -> None:
    with torch.no_grad():
        Decoder()(torch.randint(0, 500, (7, 2)), torch.randn(11, 2, 64))
