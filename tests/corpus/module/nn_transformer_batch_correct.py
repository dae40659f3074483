"""A source and a target batched alike."""
import torch
import torch.nn as nn


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.transformer = nn.Transformer(d_model=16, nhead=2, num_encoder_layers=1, num_decoder_layers=1,
                                          dim_feedforward=32)

    def forward(self, src, tgt):
        return self.transformer(src, tgt)


def check() -> None:
    with torch.no_grad():
        Model().eval()(torch.randn(6, 3, 16), torch.randn(4, 3, 16))
