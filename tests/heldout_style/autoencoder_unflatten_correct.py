"""Convolutional autoencoder from a tutorial: Flatten/Linear down, Linear/Unflatten/ConvTranspose up."""
import torch
import torch.nn as nn

latent_dim = 10

encoder = nn.Sequential(  # shapelint: input=(batch, 1, 28, 28)
    nn.Conv2d(1, 16, 3, stride=2, padding=1),
    nn.ReLU(True),
    nn.Conv2d(16, 32, 3, stride=2, padding=1),
    nn.BatchNorm2d(32),
    nn.ReLU(True),
    nn.Flatten(start_dim=1),
    nn.Linear(32 * 7 * 7, latent_dim),
)

decoder = nn.Sequential(  # shapelint: input=(batch, 10)
    nn.Linear(latent_dim, 32 * 7 * 7),
    nn.ReLU(True),
    nn.Unflatten(dim=1, unflattened_size=(32, 7, 7)),
    nn.ConvTranspose2d(32, 16, 3, stride=2, padding=1, output_padding=1),
    nn.BatchNorm2d(16),
    nn.ReLU(True),
    nn.ConvTranspose2d(16, 1, 3, stride=2, padding=1, output_padding=1),
    nn.Sigmoid(),
)


def check() -> None:
    encoder.eval()
    decoder.eval()
    with torch.no_grad():
        assert decoder(encoder(torch.randn(2, 1, 28, 28))).shape == (2, 1, 28, 28)
