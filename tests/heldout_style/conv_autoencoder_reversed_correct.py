"""Convolutional autoencoder whose decoder mirrors the encoder by zipping reversed channel lists."""
import torch
import torch.nn as nn


class ConvAutoencoder(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self, chans=(3, 16, 32, 64), latent=128):
        super().__init__()
        enc = []
        for cin, cout in zip(chans[:-1], chans[1:]):
            enc += [nn.Conv2d(cin, cout, 4, stride=2, padding=1), nn.BatchNorm2d(cout), nn.LeakyReLU(0.2)]
        self.encoder = nn.Sequential(*enc)
        self.to_latent = nn.Linear(chans[-1] * 4 * 4, latent)
        self.from_latent = nn.Linear(latent, chans[-1] * 4 * 4)
        dec = []
        for cin, cout in zip(reversed(chans[1:]), reversed(chans[:-1])):
            dec += [nn.ConvTranspose2d(cin, cout, 4, stride=2, padding=1), nn.BatchNorm2d(cout), nn.ReLU()]
        self.decoder = nn.Sequential(*dec[:-2], nn.Sigmoid())
        self.chans = chans

    def forward(self, x):
        z = self.to_latent(self.encoder(x).flatten(1))
        h = self.from_latent(z).view(-1, self.chans[-1], 4, 4)
        return self.decoder(h)


def check() -> None:
    ConvAutoencoder().eval()(torch.randn(2, 3, 32, 32))
