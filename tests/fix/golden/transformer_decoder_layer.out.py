"""TransformerDecoderLayer d_model, passed by position, after a projection of the target embeddings."""
import torch
from torch import nn


class Decoder(nn.Module):  # shapelint: input=(B, 20, 128)
    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(128, 256)
        self.layer = nn.TransformerDecoderLayer(256, 8, batch_first=True)

    def forward(self, tgt):
        tgt = self.proj(tgt)
        return self.layer(tgt, tgt)


def check() -> None:
    Decoder().eval()(torch.rand(2, 20, 128))
