"""A Linear after an EmbeddingBag (mean of token embeddings), as in the torchtext text classification tutorial."""
import torch
from torch import nn

text_classifier = nn.Sequential(  # shapelint: input=(B, 30) dtype=long
    nn.EmbeddingBag(95811, 64, mode="mean"),
    nn.Linear(64, 4),
)


def check() -> None:
    text_classifier(torch.randint(0, 95811, (2, 30)))
