"""NamedTuple-configured keyword spotter whose second BatchNorm1d forgot that the conv doubled the channels."""
from typing import NamedTuple

import torch
import torch.nn as nn


class HParams(NamedTuple):
    n_mels: int = 40
    channels: int = 32
    n_classes: int = 12
    dropout: float = 0.1


class KeywordSpotter(nn.Module):
    def __init__(self, hp: HParams):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(hp.n_mels, hp.channels, kernel_size=5, padding=2),
            nn.BatchNorm1d(hp.channels),
            nn.ReLU(),
            nn.Conv1d(hp.channels, hp.channels * 2, kernel_size=5, stride=2, padding=2),
            nn.BatchNorm1d(hp.channels),  # expect: SHP003
            nn.ReLU(),
            nn.AdaptiveMaxPool1d(1),
        )
        self.fc = nn.Linear(hp.channels * 2, hp.n_classes)
        self.drop = nn.Dropout(hp.dropout)

    def forward(self, mel):
        return self.fc(self.drop(self.conv(mel).squeeze(-1)))


def check() -> None:
    KeywordSpotter(HParams(n_mels=64, channels=24)).eval()(torch.randn(3, 64, 101))


if __name__ == "__main__":
    hparams = HParams(n_mels=64, channels=24)
    model = KeywordSpotter(hparams)
    print(model(torch.randn(3, 64, 101)).shape)
