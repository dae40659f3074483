"""A literal another layer reads back (the decoder's width is the encoder's in_features): fixing it changes that layer too, so the fix is unsafe; its BatchNorm is fixed in a second round."""
import torch
from torch import nn


class AutoEncoder(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Flatten(), nn.Linear(3072, 128), nn.ReLU(), nn.Linear(128, 32))
        self.decoder = nn.Sequential(
            nn.Linear(32, 128),
            nn.ReLU(),
            nn.Linear(128, self.encoder[1].in_features),
            nn.BatchNorm1d(3072),
            nn.Sigmoid(),
        )

    def forward(self, x):
        return self.decoder(self.encoder(x))


def check() -> None:
    AutoEncoder().eval()(torch.rand(2, 3, 32, 32))
