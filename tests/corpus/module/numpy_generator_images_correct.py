"""Images drawn with numpy's Generator as 8-bit pixels, scaled to [0, 1] and put channels first; the network's
first convolution takes their three channels."""
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.fc = nn.Linear(16 * 16 * 16, 10)

    def forward(self, x):
        out = self.features(x)
        return self.fc(out.view(out.size(0), -1))


def loader():
    rng = np.random.default_rng(0)
    pixels = rng.integers(0, 256, size=(64, 32, 32, 3)).astype(np.uint8)  # what PIL or cv2 give
    images = (pixels / 255.0).transpose(0, 3, 1, 2)
    images = (images - images.mean(axis=0)) / images.std(axis=0)
    labels = rng.choice(10, 64)
    return DataLoader(TensorDataset(torch.from_numpy(images).float(), torch.from_numpy(labels)), batch_size=16)


def check() -> None:
    """One pass over the loader, as the training loop makes it."""
    model = CNN()
    with torch.no_grad():
        for imgs, lbls in loader():
            nn.CrossEntropyLoss()(model(imgs), lbls)
