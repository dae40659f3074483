"""A fully connected MNIST autoencoder with separate encoder and decoder Sequentials."""
import torch
from torch import nn


class AutoEncoder(nn.Module):  # shapelint: input=(B, 1, 28, 28)
    def __init__(self, latent=16):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Flatten(),
            nn.Linear(28 * 28, 128),
            nn.ReLU(True),
            nn.Linear(128, 64),
            nn.ReLU(True),
            nn.Linear(64, latent),
        )
        self.decoder = nn.Sequential(
            nn.Linear(latent, 64),
            nn.ReLU(True),
            nn.Linear(64, 128),
            nn.ReLU(True),
            nn.Linear(128, 28 * 28),
            nn.Sigmoid(),
        )

    def forward(self, x):
        z = self.encoder(x)
        return self.decoder(z).view(-1, 1, 28, 28)


def check() -> None:
    with torch.no_grad():
        AutoEncoder()(torch.randn(2, 1, 28, 28))
