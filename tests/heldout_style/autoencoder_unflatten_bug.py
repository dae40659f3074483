"""Autoencoder decoder whose first transposed conv expects 64 channels but Unflatten yields 32."""
import torch
import torch.nn as nn

decoder = nn.Sequential(  # shapelint: input=(batch, 8)
    nn.Linear(8, 32 * 7 * 7),
    nn.ReLU(True),
    nn.Unflatten(1, (32, 7, 7)),
    nn.ConvTranspose2d(64, 16, 3, stride=2, padding=1, output_padding=1),  # expect: SHP002
    nn.ReLU(True),
    nn.ConvTranspose2d(16, 1, 3, stride=2, padding=1, output_padding=1),
)


def check() -> None:
    with torch.no_grad():
        decoder(torch.randn(2, 8))
