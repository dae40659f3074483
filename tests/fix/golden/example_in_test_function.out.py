"""An nn.Module whose input shape comes from an example call in a pytest test function."""
import torch
from torch import nn


class KeywordSpotter(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(40, 64, 3, padding=1), nn.ReLU(), nn.MaxPool1d(2))
        self.fc = nn.Linear(64 * 49, 12)

    def forward(self, mfcc):
        return self.fc(self.conv(mfcc).flatten(1))


def test_keyword_spotter_gives_12_scores():
    model = KeywordSpotter()
    scores = model(torch.randn(4, 40, 98))
    assert scores.shape == (4, 12)


def check() -> None:
    test_keyword_spotter_gives_12_scores()
