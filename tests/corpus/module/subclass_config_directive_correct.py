"""A GAN collection's discriminator is written once for any image size M, and each size is a subclass that only
sets it (`class Discriminator32(Discriminator)`, its `forward` inherited); the directive on the subclass's line
gives its input.  The head is sized for the M/4 x M/4 maps two strided convolutions leave."""
import torch
import torch.nn as nn


class Discriminator(nn.Module):
    def __init__(self, M):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(3, 32, 4, 2, 1), nn.LeakyReLU(0.1), nn.Conv2d(32, 64, 4, 2, 1), nn.LeakyReLU(0.1)
        )
        self.linear = nn.Linear(M // 4 * M // 4 * 64, 1)

    def forward(self, x):
        return self.linear(torch.flatten(self.main(x), start_dim=1))


class Discriminator32(Discriminator):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self):
        super().__init__(M=32)


def check() -> None:
    with torch.no_grad():
        Discriminator32()(torch.randn(2, 3, 32, 32))
