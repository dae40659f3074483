"""A forecasting tutorial's sliding-window dataset: each sample is 30 consecutive steps of a multivariate series
(`self.series[idx:idx + self.window]`) and the step after it, batched into an LSTM; every size fits."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset


class WindowDataset(Dataset):
    def __init__(self, series, window=30):
        self.series = series
        self.window = window

    def __len__(self):
        return len(self.series) - self.window

    def __getitem__(self, idx):
        return self.series[idx : idx + self.window], self.series[idx + self.window]


class Forecaster(nn.Module):
    def __init__(self, features=5, hidden=32):
        super().__init__()
        self.lstm = nn.LSTM(features, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 5)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1, :])


def train():
    series = torch.randn(2000, 5)
    loader = DataLoader(WindowDataset(series), batch_size=64, shuffle=True)
    model = Forecaster()
    for window, target in loader:
        nn.functional.mse_loss(model(window), target).backward()


def check() -> None:
    """One batch of windows through the forecaster."""
    window, _ = next(iter(DataLoader(WindowDataset(torch.randn(200, 5)), batch_size=16)))
    with torch.no_grad():
        Forecaster()(window)
