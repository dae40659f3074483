"""A VAE decoder whose second ConvTranspose2d expects the first one's input channels."""
import torch
import torch.nn as nn

latent_dim = 16
decoder = nn.Sequential(  # shapelint: input=(B, 16)
    nn.Linear(latent_dim, 64 * 4 * 4),
    nn.ReLU(),
    nn.Unflatten(1, (64, 4, 4)),
    nn.ConvTranspose2d(64, 32, kernel_size=4, stride=2, padding=1),
    nn.ReLU(),
    nn.ConvTranspose2d(64, 16, kernel_size=4, stride=2, padding=1),  # expect: SHP002
    nn.ReLU(),
    nn.ConvTranspose2d(16, 3, kernel_size=4, stride=2, padding=1),
    nn.Tanh(),
)


def check() -> None:
    with torch.no_grad():
        decoder(torch.randn(2, latent_dim))
