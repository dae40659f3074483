"""A DCGAN training step as pytorch/examples writes it: the batch size is read off a batch of a custom dataset, so
it is unknown, and ``torch.randn(batch_size, nz, 1, 1)`` still has known channel and spatial sizes."""

import torch
import torch.nn as nn

nz, ngf, ndf = 16, 8, 8


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.ConvTranspose2d(nz, ngf * 2, 4, 1, 0, bias=False),
            nn.BatchNorm2d(ngf * 2),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 2, 3, 4, 2, 1, bias=False),
            nn.Tanh(),
        )

    def forward(self, input):
        return self.main(input)


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(3, ndf, 4, 2, 1, bias=False),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf, 1, 4, 1, 0, bias=False),
        )

    def forward(self, input):
        return self.main(input).view(-1, 1).squeeze(1)


def train(dataloader):
    netG, netD = Generator(), Discriminator()
    for data in dataloader:
        real = data[0]
        batch_size = real.size(0)
        noise = torch.randn(batch_size, nz, 1, 1)
        netD(netG(noise).detach())


class Pictures(torch.utils.data.Dataset):
    def __len__(self):
        return 8

    def __getitem__(self, index):
        return torch.randn(3, 8, 8), 0


def check():
    train(torch.utils.data.DataLoader(Pictures(), batch_size=4))


if __name__ == "__main__":
    check()
