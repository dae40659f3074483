"""VAE whose decoder takes 2 * latent features, forgetting that chunk halves the encoder output."""
import torch
from torch import nn
from torch.nn import functional as F


class VAE(nn.Module):  # shapelint: input=(B, 1, 28, 28)
    def __init__(self, latent_dim=16, hidden=256):
        super().__init__()
        self.latent_dim = latent_dim
        self.encoder = nn.Sequential(nn.Flatten(), nn.Linear(784, hidden), nn.ReLU(), nn.Linear(hidden, 2 * latent_dim))
        self.decoder = nn.Sequential(
            nn.Linear(2 * latent_dim, hidden),  # expect: SHP001
            nn.ReLU(),
            nn.Linear(hidden, 784),
            nn.Unflatten(1, (1, 28, 28)),
        )

    def reparameterize(self, mu, logvar):
        std = torch.exp(0.5 * logvar)
        eps = torch.randn_like(std)
        return mu + eps * std

    def forward(self, x):
        mu, logvar = self.encoder(x).chunk(2, dim=-1)
        z = self.reparameterize(mu, logvar)
        return torch.sigmoid(self.decoder(z)), mu, logvar


def loss_function(recon_x, x, mu, logvar):
    bce = F.binary_cross_entropy(recon_x, x, reduction="sum")
    kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return bce + kld


def check() -> None:
    x = torch.rand(4, 1, 28, 28)
    recon, mu, logvar = VAE()(x)
    loss_function(recon, x, mu, logvar)
