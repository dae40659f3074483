"""No directive: the input shape comes from a torchinfo summary() call."""
import torch
import torch.nn as nn


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv1d(12, 32, 7, padding=3), nn.ReLU(), nn.MaxPool1d(2))
        self.fc = nn.Linear(32 * 250, 5)  # expect: SHP001

    def forward(self, x):
        return self.fc(self.features(x).flatten(1))


def show_summary() -> None:
    from torchinfo import summary

    summary(Classifier(), input_size=(2, 12, 1000))


def check() -> None:
    with torch.no_grad():
        Classifier()(torch.randn(2, 12, 1000))
