"""A Kaggle-style digits loop: pixel rows reshaped to 28x28 images, given their channel dimension in the loop
(``imgs.unsqueeze(1)``), so each batch of the DataLoader reaches Conv2d as (100, 1, 28, 28)."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer1 = nn.Sequential(nn.Conv2d(1, 16, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2))
        self.fc = nn.Linear(16 * 14 * 14, 10)

    def forward(self, x):
        out = self.layer1(x)
        return self.fc(out.reshape(out.size(0), -1))


def loader():
    pixels = torch.rand(2000, 784)
    images = pixels.view(-1, 28, 28)
    labels = torch.randint(0, 10, (2000,))
    return DataLoader(TensorDataset(images, labels), batch_size=100, shuffle=True)


def check() -> None:
    """One pass over the loader, as the training loop makes it."""
    model = CNN()
    with torch.no_grad():
        for imgs, lbls in loader():
            outputs = model(imgs.unsqueeze(1))
            nn.CrossEntropyLoss()(outputs, lbls)
