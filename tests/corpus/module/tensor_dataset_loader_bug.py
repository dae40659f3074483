"""A tutorial's synthetic data set: images and labels made with torch, wrapped in a TensorDataset and batched by a
DataLoader into a small CNN; its classifier is sized for 32x32 images, and these are 28x28."""
import io

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset


class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 8, 3, padding=1)
        self.fc = nn.Linear(8 * 16 * 16, 10)  # expect: SHP001

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv(x)), 2)
        return self.fc(x.flatten(1))


def train():
    images = torch.randn(512, 1, 28, 28)
    labels = torch.randint(0, 10, (512,))
    loader = DataLoader(TensorDataset(images, labels), batch_size=64, shuffle=True)
    model = SmallCNN()
    optimizer = torch.optim.Adam(model.parameters())
    for epoch in range(3):
        for xb, yb in loader:
            optimizer.zero_grad()
            F.cross_entropy(model(xb), yb).backward()
            optimizer.step()


def check() -> None:
    """What the loader yields (a saved batch of the data set's sizes), through the model."""
    buffer = io.BytesIO()
    torch.save(torch.randn(64, 1, 28, 28), buffer)
    buffer.seek(0)
    with torch.no_grad():
        SmallCNN()(torch.load(buffer))
