"""A batch-first Transformer whose output keeps the target's shape; the head reads d_model features."""
import torch
import torch.nn as nn


class Translator(nn.Module):
    def __init__(self, d_model=32, vocab=100):
        super().__init__()
        self.transformer = nn.Transformer(d_model=d_model, nhead=4, num_encoder_layers=1, num_decoder_layers=1,
                                          dim_feedforward=64, batch_first=True)
        self.head = nn.Linear(d_model, vocab)

    def forward(self, src, tgt):
        mask = nn.Transformer.generate_square_subsequent_mask(tgt.size(1))
        return self.head(self.transformer(src, tgt, tgt_mask=mask))


def check() -> None:
    with torch.no_grad():
        Translator().eval()(torch.randn(2, 7, 32), torch.randn(2, 5, 32))
