"""A GAN generator: Linear, Unflatten to 64x7x7, ConvTranspose2d to 14x14."""
import torch
import torch.nn as nn


class Generator(nn.Module):  # shapelint: input=(B, 10)
    def __init__(self, latent=10):
        super().__init__()
        self.fc = nn.Linear(latent, 64 * 7 * 7)
        self.unflatten = nn.Unflatten(1, (64, 7, 7))
        self.deconv = nn.ConvTranspose2d(64, 1, 4, stride=2, padding=1)

    def forward(self, z):
        x = torch.relu(self.fc(z))
        return torch.tanh(self.deconv(self.unflatten(x)))


def check() -> None:
    with torch.no_grad():
        Generator()(torch.randn(2, 10))
