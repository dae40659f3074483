"""MelGAN's layout: ``model/`` has no ``__init__.py`` (a namespace package) and its files import each other
relatively, which works because the project imports them from its root (``from model.generator import Generator``)."""

import torch
import torch.nn as nn

from .blocks import Widen


class Generator(nn.Module):
    def __init__(self, mel_channels):
        super().__init__()
        self.stem = nn.Conv1d(mel_channels, 64, kernel_size=7, padding=3)
        self.widen = Widen(64)
        self.out = nn.Conv1d(64, 1, kernel_size=7, padding=3)  # expect: SHP002

    def forward(self, mel):
        return self.out(self.widen(self.stem(mel)))


def check():
    Generator(80)(torch.randn(3, 80, 10))
