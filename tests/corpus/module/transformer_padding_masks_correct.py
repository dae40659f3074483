"""A transformer text classifier that passes padding masks to the encoder and to attention."""
import torch
import torch.nn as nn


class TextClassifier(nn.Module):  # shapelint: input=(B, T, 32)
    def __init__(self):
        super().__init__()
        layer = nn.TransformerEncoderLayer(32, 4, dim_feedforward=64, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False)
        self.attn = nn.MultiheadAttention(32, 4, batch_first=True)
        self.head = nn.Linear(32, 3)

    def forward(self, x):
        mask = torch.zeros(x.size(0), x.size(1), dtype=torch.bool)
        h = self.encoder(x, src_key_padding_mask=mask)
        h, _ = self.attn(h, h, h, key_padding_mask=mask)
        return self.head(h.mean(1))


def check() -> None:
    with torch.no_grad():
        TextClassifier().eval()(torch.randn(2, 12, 32))
