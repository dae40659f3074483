"""A siamese network: one embedding net applied to two inputs, distances fed to a small head."""
import torch
import torch.nn as nn


class Siamese(nn.Module):  # shapelint: input=(B, 1, 20, 20)
    def __init__(self):
        super().__init__()
        self.embed = nn.Sequential(
            nn.Conv2d(1, 8, 5),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3),
            nn.ReLU(),
            nn.Flatten(),
            nn.Linear(16 * 6 * 6, 32),
        )
        self.head = nn.Linear(32, 1)

    def forward(self, a, b=None):
        b = a if b is None else b
        return torch.sigmoid(self.head(torch.abs(self.embed(a) - self.embed(b))))


def check() -> None:
    with torch.no_grad():
        Siamese()(torch.randn(2, 1, 20, 20), torch.randn(2, 1, 20, 20))
