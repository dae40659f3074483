"""A training script in the style of tutorials: the model is put together from an imported encoder."""

import torch
import torch.nn as nn
from blocks import Encoder

model = nn.Sequential(
    Encoder(1, 16),
    nn.Flatten(),
    nn.Linear(32 * 14 * 14, 10),  # expect: SHP001
)


def check():
    model(torch.randn(4, 1, 28, 28))


if __name__ == "__main__":
    out = model(torch.randn(64, 1, 28, 28))
