"""GRU input_size after a bidirectional GRU: the second layer receives 2 * hidden features."""
import torch
from torch import nn


class Tagger(nn.Module):  # shapelint: input=(B, 25, 50)
    def __init__(self):
        super().__init__()
        self.gru1 = nn.GRU(50, 64, batch_first=True, bidirectional=True)
        self.gru2 = nn.GRU(64, 64, batch_first=True)
        self.out = nn.Linear(64, 9)

    def forward(self, x):
        x, _ = self.gru1(x)
        x, _ = self.gru2(x)
        return self.out(x)


def check() -> None:
    Tagger()(torch.rand(2, 25, 50))
