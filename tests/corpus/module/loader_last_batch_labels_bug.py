"""A GAN tutorial's discriminator step: the real and fake labels are made once, for the configured batch size.
1000 images in batches of 64 end with a batch of 40, whose 40 scores BCELoss cannot compare with 64 labels."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

batch_size = 64


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.Linear(784, 128), nn.LeakyReLU(0.2), nn.Linear(128, 1), nn.Sigmoid())

    def forward(self, x):
        return self.main(x.view(x.size(0), -1))


def check() -> None:
    """One epoch of discriminator steps over the loader."""
    loader = DataLoader(TensorDataset(torch.rand(1000, 1, 28, 28)), batch_size=batch_size, shuffle=True)
    netD, criterion = Discriminator(), nn.BCELoss()
    real_label = torch.ones(batch_size, 1)
    with torch.no_grad():
        for (images,) in loader:
            output = netD(images)
            errD_real = criterion(output, real_label)  # expect: SHP006
