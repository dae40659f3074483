"""A cats-and-dogs forum question, sized for the 128x128 images the transforms make: after three poolings each image
leaves 64 x 16 x 16 features, one row of ``view(-1, 64 * 16 * 16)``, whatever the batch."""
import io

import torch
import torch.nn as nn
import torch.nn.functional as F

IMG_SIZE = 128


class CatDogNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, 3, padding=1)
        self.conv2 = nn.Conv2d(16, 32, 3, padding=1)
        self.conv3 = nn.Conv2d(32, 64, 3, padding=1)
        self.pool = nn.MaxPool2d(2, 2)
        # 128 / 2 / 2 / 2 = 16
        self.fc1 = nn.Linear(64 * 16 * 16, 500)
        self.fc2 = nn.Linear(500, 2)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = self.pool(F.relu(self.conv3(x)))
        x = x.view(-1, 64 * 16 * 16)
        return self.fc2(F.relu(self.fc1(x)))


def train():
    from torch.utils.data import DataLoader
    from torchvision import datasets, transforms

    train_tfms = transforms.Compose([transforms.Resize((IMG_SIZE, IMG_SIZE)), transforms.ToTensor()])
    train_ds = datasets.ImageFolder(root="dataset/train", transform=train_tfms)
    train_dl = DataLoader(train_ds, batch_size=16, shuffle=True)
    model = CatDogNet()
    for data, target in train_dl:
        F.cross_entropy(model(data), target).backward()


def check() -> None:
    """What the loader yields: batches of at most 16 RGB images of 128x128 (saved batches of each size)."""
    for size in range(1, 17):
        buffer = io.BytesIO()
        torch.save(torch.randn(size, 3, IMG_SIZE, IMG_SIZE), buffer)
        buffer.seek(0)
        with torch.no_grad():
            CatDogNet()(torch.load(buffer))
