"""A parenthesized constant expression: (64 * 8 * 8) keeps its parentheses around the new value."""
import torch
from torch import nn

classifier = nn.Sequential(  # shapelint: input=(B, 64, 4, 4)
    nn.Flatten(),
    nn.Dropout(0.5),
    nn.Linear((1024), 256),
    nn.ReLU(),
    nn.Linear(256, 10),
)


def check() -> None:
    classifier(torch.rand(2, 64, 4, 4))
