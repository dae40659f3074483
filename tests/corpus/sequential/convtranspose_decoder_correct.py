"""A VAE decoder: Linear, Unflatten, then ConvTranspose2d upsampling 4 -> 8 -> 16 -> 32."""
import torch
import torch.nn as nn

latent_dim = 16
decoder = nn.Sequential(  # shapelint: input=(B, 16)
    nn.Linear(latent_dim, 64 * 4 * 4),
    nn.ReLU(),
    nn.Unflatten(1, (64, 4, 4)),
    nn.ConvTranspose2d(64, 32, kernel_size=4, stride=2, padding=1),
    nn.BatchNorm2d(32),
    nn.ReLU(),
    nn.ConvTranspose2d(32, 16, kernel_size=4, stride=2, padding=1),
    nn.BatchNorm2d(16),
    nn.ReLU(),
    nn.ConvTranspose2d(16, 3, kernel_size=3, stride=2, padding=1, output_padding=1),
    nn.Tanh(),
)


def check() -> None:
    decoder.eval()
    with torch.no_grad():
        assert decoder(torch.randn(2, latent_dim)).shape == (2, 3, 32, 32)
