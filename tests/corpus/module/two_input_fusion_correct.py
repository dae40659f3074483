"""A conditional model whose ``forward`` takes an image and a one-hot label (a conditional GAN's discriminator, a
multimodal head): one directive on the class line declares both inputs, in the order of ``forward``'s arguments."""

import torch
import torch.nn as nn


class Fusion(nn.Module):  # shapelint: input=(B, 1, 28, 28), (B, 10)
    def __init__(self, n_classes=10):
        super().__init__()
        self.image = nn.Sequential(nn.Conv2d(1, 4, 3, stride=2), nn.ReLU(), nn.Flatten())
        self.head = nn.Linear(4 * 13 * 13 + n_classes, 2)

    def forward(self, image, label):
        return self.head(torch.cat([self.image(image), label], dim=1))


def check():
    Fusion()(torch.randn(2, 1, 28, 28), torch.zeros(2, 10))


if __name__ == "__main__":
    check()
