"""A GAN script in the style of PyTorch-GAN: every size comes from command-line options, checked at their defaults.

It parses an empty argument list so that the suite can import it; the script form, parse_args(), reads the same.
"""

import argparse

import numpy as np
import torch
import torch.nn as nn

parser = argparse.ArgumentParser()
parser.add_argument("--latent_dim", type=int, default=100, help="dimensionality of the latent space")
parser.add_argument("--img_size", type=int, default=28, help="size of each image dimension")
parser.add_argument("--channels", type=int, default=1, help="number of image channels")
parser.add_argument("--lr", type=float, default="0.0002", help="adam: learning rate")
parser.add_argument("--cuda", action="store_true")
opt = parser.parse_args([])

img_shape = (opt.channels, opt.img_size, opt.img_size)


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.model = nn.Sequential(
            nn.Linear(opt.latent_dim, 128),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Linear(128, int(np.prod(img_shape))),
            nn.Tanh(),
        )

    def forward(self, z):
        img = self.model(z)
        return img.view(img.size(0), *img_shape)


def check():
    Generator()(torch.randn(64, opt.latent_dim))


if __name__ == "__main__":
    check()
