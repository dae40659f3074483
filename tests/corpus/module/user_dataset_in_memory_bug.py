"""A Dataset subclass holding its samples in memory, split into training and validation parts with random_split and
batched by DataLoaders into a small CNN; its classifier is sized as if the strided convolution did not halve the
64x64 images."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset, random_split


class SyntheticShapes(Dataset):
    def __init__(self, n=1000):
        self.images = torch.randn(n, 3, 64, 64)
        self.labels = torch.randint(0, 5, (n,))

    def __len__(self):
        return len(self.images)

    def __getitem__(self, idx):
        return self.images[idx], self.labels[idx]


class ShapeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 8, 3, stride=2, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.fc = nn.Linear(8 * 32 * 32, 5)  # expect: SHP001

    def forward(self, x):
        return self.fc(self.features(x).flatten(1))


def train():
    train_set, val_set = random_split(SyntheticShapes(), [800, 200])
    train_loader = DataLoader(train_set, batch_size=32, shuffle=True)
    val_loader = DataLoader(dataset=val_set, batch_size=64)
    model = ShapeNet()
    for images, labels in train_loader:
        nn.functional.cross_entropy(model(images), labels).backward()
    with torch.no_grad():
        for images, labels in val_loader:
            model(images).argmax(1)


def check() -> None:
    """One batch of the training loader through the model."""
    images, _ = next(iter(DataLoader(SyntheticShapes(64), batch_size=16)))
    with torch.no_grad():
        ShapeNet()(images)
