"""ConvTranspose2d in_channels: a DCGAN generator whose third block forgot the channel halving."""
import torch
import torch.nn as nn

nz, ngf = 100, 64

generator = nn.Sequential(  # shapelint: input=(B, 100, 1, 1)
    nn.ConvTranspose2d(nz, ngf * 8, 4, 1, 0, bias=False),
    nn.BatchNorm2d(ngf * 8),
    nn.ReLU(True),
    nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False),
    nn.BatchNorm2d(ngf * 4),
    nn.ReLU(True),
    nn.ConvTranspose2d(256, ngf * 2, 4, 2, 1, bias=False),
    nn.BatchNorm2d(ngf * 2),
    nn.ReLU(True),
    nn.ConvTranspose2d(ngf * 2, 3, 4, 2, 1, bias=False),
    nn.Tanh(),
)


def check() -> None:
    generator.eval()(torch.rand(2, 100, 1, 1))
