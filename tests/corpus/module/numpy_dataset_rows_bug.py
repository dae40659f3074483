"""A dataset keeps numpy arrays and returns one row of each as it is; the loader's default collate makes tensors of
them (the spectrogram autoencoder and tweet-classifier questions of hunt_e)."""
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset


class Rows(Dataset):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __len__(self):
        return len(self.x)

    def __getitem__(self, idx):
        return self.x[idx], self.y[idx]


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(10, 32)  # expect: SHP001
        self.out = nn.Linear(32, 3)

    def forward(self, x):
        return self.out(torch.relu(self.hidden(x)))


def check() -> None:
    features = np.random.rand(40, 12).astype(np.float32)
    labels = np.random.randint(0, 3, 40)
    model = MLP()
    for x, y in DataLoader(Rows(features, labels), batch_size=8):
        nn.CrossEntropyLoss()(model(x), y)
