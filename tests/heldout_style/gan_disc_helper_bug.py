"""GAN discriminator whose last helper block is told 32 input filters though the previous one gives 64."""
import torch
import torch.nn as nn


def discriminator_block(in_filters, out_filters, bn=True):
    block = [nn.Conv2d(in_filters, out_filters, 3, 2, 1), nn.LeakyReLU(0.2, inplace=True), nn.Dropout2d(0.25)]
    if bn:
        block.append(nn.BatchNorm2d(out_filters, 0.8))
    return block


class Discriminator(nn.Module):
    def __init__(self, channels=1, img_size=32):
        super(Discriminator, self).__init__()
        self.model = nn.Sequential(
            *discriminator_block(channels, 16, bn=False),
            *discriminator_block(16, 32),
            *discriminator_block(32, 64),
            *discriminator_block(32, 128),  # expect: SHP002
        )
        ds_size = img_size // 2**4
        self.adv_layer = nn.Sequential(nn.Linear(128 * ds_size**2, 1), nn.Sigmoid())

    def forward(self, img):
        out = self.model(img)
        out = out.view(out.shape[0], -1)
        return self.adv_layer(out)


if __name__ == "__main__":
    discriminator = Discriminator()
    validity = discriminator(torch.randn(4, 1, 32, 32))


def check() -> None:
    Discriminator()(torch.randn(4, 1, 32, 32))
