"""Images prepared with numpy the forum way (random pixels scaled with `/ 255.0`, cast with `.astype`) and
wrapped in a TensorDataset; they stay channels-last, so the first convolution sees 32 channels, not 3."""
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

X = np.random.randint(0, 256, (40, 32, 32, 3)) / 255.0
X = (X * 2 - 1).astype(np.float32)
y = np.random.randint(0, 4, 40)


class ConvNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, padding=1)  # expect: SHP002
        self.head = nn.Linear(8, 4)

    def forward(self, x):
        return self.head(self.conv(x).mean((2, 3)))


def check() -> None:
    model = ConvNet()
    for xb, yb in DataLoader(TensorDataset(torch.from_numpy(X), torch.from_numpy(y)), batch_size=8):
        model(xb)
        break
