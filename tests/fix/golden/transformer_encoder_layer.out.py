"""TransformerEncoderLayer d_model: a text encoder whose layer restates a larger model's width."""
import torch
from torch import nn

encoder_layer = nn.TransformerEncoderLayer(d_model=256, nhead=4, dim_feedforward=512, batch_first=True)

text_encoder = nn.Sequential(  # shapelint: input=(B, 32) dtype=long
    nn.Embedding(10000, 256),
    nn.TransformerEncoder(encoder_layer, num_layers=2),
    nn.LayerNorm(256),
)


def check() -> None:
    text_encoder.eval()(torch.randint(0, 10000, (2, 32)))
