"""CRNN-style front end whose GRU is sized for the mel bins (40) instead of the conv's 64 channels."""
import torch
import torch.nn as nn


class ConvGRU(nn.Module):  # shapelint: input=(B, 40, 100)
    def __init__(self, n_mels=40, channels=64, hidden=32, classes=5):
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(n_mels, channels, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2))
        self.gru = nn.GRU(n_mels, hidden, num_layers=2, batch_first=True, dropout=0.1)  # expect: SHP001
        self.head = nn.Linear(hidden, classes)

    def forward(self, x):
        x = self.conv(x).permute(0, 2, 1)
        return self.head(self.gru(x)[0].mean(dim=1))


def check() -> None:
    with torch.no_grad():
        ConvGRU().eval()(torch.randn(2, 40, 100))
