"""A TransformerEncoder stacks copies of one layer and a final LayerNorm; the head reads the first token."""
import torch
import torch.nn as nn


class Encoder(nn.Module):  # shapelint: input=(B, T)
    def __init__(self, vocab=800, d_model=96, classes=5):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_model)
        layer = nn.TransformerEncoderLayer(96, 6, dim_feedforward=192, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, num_layers=3, norm=nn.LayerNorm(96))
        self.head = nn.Linear(d_model, classes)

    def forward(self, tokens):
        return self.head(self.encoder(self.embed(tokens))[:, 0])


def check() -> None:
    with torch.no_grad():
        Encoder()(torch.randint(0, 800, (2, 20)))
