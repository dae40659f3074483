"""A Siamese network on MNIST pairs, as forum tutorials write it: a Dataset wraps datasets.MNIST and indexes it for
the two images of a pair; a DataLoader batches the pairs.  The embedding is sized for the 4x4 maps the 5x5
convolutions and poolings leave of the 28x28 images (torchvision is imported where the data is loaded, so the model
also runs without it)."""
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset, TensorDataset


class SiamesePairs(Dataset):
    def __init__(self, base):
        self.base = base

    def __len__(self):
        return len(self.base)

    def __getitem__(self, index):
        img1, label1 = self.base[index]
        img2, label2 = self.base[random.randint(0, len(self.base) - 1)]
        return img1, img2, torch.tensor(float(label1 == label2))


class SiameseNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(1, 32, 5), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 5), nn.ReLU(), nn.MaxPool2d(2),
        )  # fmt: skip
        self.fc = nn.Sequential(nn.Linear(64 * 4 * 4, 256), nn.ReLU(), nn.Linear(256, 64))

    def embed(self, x):
        return self.fc(self.conv(x).view(x.size(0), -1))

    def forward(self, x1, x2):
        return F.pairwise_distance(self.embed(x1), self.embed(x2))


def train():
    from torchvision import datasets, transforms

    mnist = datasets.MNIST("./data", train=True, download=True, transform=transforms.ToTensor())
    loader = DataLoader(SiamesePairs(mnist), batch_size=64, shuffle=True)
    model = SiameseNet()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for img1, img2, same in loader:
        distance = model(img1, img2)
        loss = (same * distance**2 + (1 - same) * F.relu(2.0 - distance) ** 2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def check() -> None:
    """What the loop feeds the model: pairs of batches of 1x28x28 images, as MNIST's."""
    digits = TensorDataset(torch.rand(8, 1, 28, 28), torch.randint(0, 10, (8,)))
    img1, img2, _ = next(iter(DataLoader(SiamesePairs(digits), batch_size=4)))
    with torch.no_grad():
        SiameseNet()(img1, img2)
