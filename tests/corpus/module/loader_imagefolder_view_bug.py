"""A cats-and-dogs forum question: the images are resized to 128x128, but the classifier was sized for 224x224
(``224 / 2 / 2 / 2 = 28``).  After three poolings a batch holds B x 64 x 16 x 16 values; a row of 64 x 28 x 28
divides that only when B is a multiple of 49, and the loader's batches have at most 16 images, however many
the folder holds."""
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
        # 224 / 2 / 2 / 2 = 28
        self.fc1 = nn.Linear(64 * 28 * 28, 500)
        self.fc2 = nn.Linear(500, 2)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = self.pool(F.relu(self.conv3(x)))
        x = x.view(-1, 64 * 28 * 28)  # expect: SHP006
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
