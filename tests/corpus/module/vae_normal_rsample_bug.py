"""A convolutional VAE that draws its latent code with `torch.distributions.Normal(mu, std).rsample()`, as
pytorch-vqvae's VAE does; the decoder's first layer expects 32 latent channels where the encoder's head gives
2 * 16 channels: 16 means and 16 log-variances."""
import torch
import torch.nn as nn
from torch.distributions import Normal


class ConvVAE(nn.Module):
    def __init__(self, z_dim=16):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 32, 4, 2, 1), nn.ReLU(), nn.Conv2d(32, z_dim * 2, 4, 2, 1),
        )
        self.decoder = nn.Sequential(
            nn.ConvTranspose2d(32, 32, 4, 2, 1), nn.ReLU(), nn.ConvTranspose2d(32, 1, 4, 2, 1), nn.Sigmoid(),  # expect: SHP002
        )

    def forward(self, x):
        mu, logvar = self.encoder(x).chunk(2, dim=1)
        q_z_x = Normal(mu, logvar.mul(0.5).exp())
        p_z = Normal(torch.zeros_like(mu), torch.ones_like(logvar))
        kl = torch.distributions.kl_divergence(q_z_x, p_z).sum(1).mean()
        return self.decoder(q_z_x.rsample()), kl


if __name__ == "__main__":
    reconstruction, kl = ConvVAE()(torch.rand(32, 1, 28, 28))


def check() -> None:
    """The main block's batch of 32 MNIST-sized images."""
    ConvVAE()(torch.rand(32, 1, 28, 28))
