"""The original GAN paper's MLP generator and discriminator, written with a `block` helper."""
import numpy as np
import torch
import torch.nn as nn

img_shape = (1, 28, 28)
latent_dim = 100


def block(in_feat, out_feat, normalize=True):
    layers = [nn.Linear(in_feat, out_feat)]
    if normalize:
        layers.append(nn.BatchNorm1d(out_feat, 0.8))
    layers.append(nn.LeakyReLU(0.2, inplace=True))
    return layers


generator = nn.Sequential(  # shapelint: input=(B, 100)
    *block(latent_dim, 128, normalize=False),
    *block(128, 256),
    *block(256, 512),
    nn.Linear(512, int(np.prod(img_shape))),
    nn.Tanh(),
)

discriminator = nn.Sequential(  # shapelint: input=(B, 784)
    nn.Linear(784, 512),
    nn.LeakyReLU(0.2, inplace=True),
    nn.Linear(512, 256),
    nn.LeakyReLU(0.2, inplace=True),
    nn.Linear(256, 1),
    nn.Sigmoid(),
)


def check() -> None:
    generator.eval()
    with torch.no_grad():
        fake = generator(torch.randn(4, latent_dim))
        discriminator(fake.view(fake.size(0), -1))
