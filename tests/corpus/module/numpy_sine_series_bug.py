"""A time-series forecaster on a sine wave built with np.linspace and np.sin, cut into windows by a Dataset; the
windows are fed to an LSTM without their feature dimension, so it reads 30 features where it takes one."""
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset

t = np.linspace(0, 100, 2000)
series = (np.sin(t) + 0.1 * np.cos(3 * t)).astype(np.float32)


class WindowDataset(Dataset):
    def __init__(self, data, seq_len=30):
        self.data = torch.from_numpy(data)
        self.seq_len = seq_len

    def __len__(self):
        return len(self.data) - self.seq_len

    def __getitem__(self, idx):
        window = self.data[idx:idx + self.seq_len]
        return window, self.data[idx + self.seq_len]


class Forecaster(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(1, 50, batch_first=True)  # expect: SHP001
        self.fc = nn.Linear(50, 1)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.fc(out)


def check() -> None:
    model = Forecaster()
    for X, y in DataLoader(WindowDataset(series), batch_size=64):
        model(X)
        break
