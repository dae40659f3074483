"""A classifier on the encoder of layers.py, fed a batch of 16 features."""

import torch
import torch.nn as nn
from layers import Encoder


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = Encoder([16, 32, 64])
        self.head = nn.Linear(32, 10)  # expect: SHP001

    def forward(self, x):
        return self.head(self.encoder(x))


if __name__ == "__main__":
    model = Classifier()
    logits = model(torch.randn(8, 16))


def check():
    Classifier()(torch.randn(8, 16))
