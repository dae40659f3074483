"""Hyperparameters in an argparse.Namespace built in code; unknowable widths must stay silent."""
from argparse import Namespace

import torch
import torch.nn as nn

opt = Namespace(latent_dim=16, channels=1, img_size=8)


class Decoder(nn.Module):
    def __init__(self, opt):
        super().__init__()
        self.init_size = opt.img_size // 4
        self.l1 = nn.Linear(opt.latent_dim, 32 * self.init_size**2)
        self.conv_blocks = nn.Sequential(
            nn.BatchNorm2d(32),
            nn.Upsample(scale_factor=2),
            nn.Conv2d(32, 16, 3, stride=1, padding=1),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Upsample(scale_factor=2),
            nn.Conv2d(16, opt.channels, 3, stride=1, padding=1),
            nn.Tanh(),
        )

    def forward(self, z):
        out = self.l1(z)
        out = out.view(out.shape[0], 32, self.init_size, self.init_size)
        return self.conv_blocks(out)


def check() -> None:
    with torch.no_grad():
        assert Decoder(opt).eval()(torch.randn(2, 16)).shape == (2, 1, 8, 8)
