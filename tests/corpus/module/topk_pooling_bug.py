"""Top-k pooling over channels, whose classifier is sized for all the channels instead of the k kept."""
import torch
import torch.nn as nn


class TopKPool(nn.Module):  # shapelint: input=(B, 3, 16, 16)
    def __init__(self, channels=32, k=8, classes=5):
        super().__init__()
        self.conv = nn.Conv2d(3, channels, 3, padding=1)
        self.k = k
        self.fc = nn.Linear(channels, classes)  # expect: SHP001

    def forward(self, x):
        pooled = self.conv(x).flatten(2).mean(-1)
        values, indices = pooled.topk(self.k, dim=1)
        return self.fc(values)


def check() -> None:
    with torch.no_grad():
        TopKPool()(torch.randn(2, 3, 16, 16))
