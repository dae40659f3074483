"""A GAN training step whose generator expects 64 latent features where numpy draws 100 in the PyTorch-GAN style: the latent batch is drawn with numpy and made a tensor by
``Tensor = torch.cuda.FloatTensor if cuda else torch.FloatTensor``, wrapped in a ``Variable``."""

import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

latent_dim = 100
img_size = 28
cuda = True if torch.cuda.is_available() else False
Tensor = torch.cuda.FloatTensor if cuda else torch.FloatTensor


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.init_size = img_size // 4
        self.l1 = nn.Sequential(nn.Linear(64, 128 * self.init_size**2))  # expect: SHP001
        self.conv = nn.Sequential(nn.BatchNorm2d(128), nn.Upsample(scale_factor=4), nn.Conv2d(128, 1, 3, padding=1))

    def forward(self, z):
        out = self.l1(z)
        out = out.view(out.shape[0], 128, self.init_size, self.init_size)
        return self.conv(out)


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.model = nn.Sequential(nn.Conv2d(1, 16, 3, 2, 1), nn.LeakyReLU(0.2), nn.Conv2d(16, 32, 3, 2, 1))
        self.adv_layer = nn.Linear(32 * 7 * 7, 1)

    def forward(self, img):
        out = self.model(img)
        return self.adv_layer(out.view(out.shape[0], -1))


def check():
    generator, discriminator = Generator(), Discriminator()
    imgs = torch.randn(8, 1, img_size, img_size)
    real_imgs = Variable(imgs.type(Tensor))
    discriminator(real_imgs)
    z = Variable(Tensor(np.random.normal(0, 1, (imgs.shape[0], latent_dim))))
    discriminator(generator(z))


if __name__ == "__main__":
    check()
