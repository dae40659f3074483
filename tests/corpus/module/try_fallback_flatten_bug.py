"""A classifier that takes flat vectors or images: it tries its Linear on the input as given and, when torch rejects
it (``except RuntimeError``), flattens the images first; but the Linear's size is a typo for 784, so the fallback
fails too, and nothing catches that."""

import torch
import torch.nn as nn


class FlexibleHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(748, 10)  # expect: SHP001

    def forward(self, x):
        try:
            return self.fc(x)
        except RuntimeError:
            return self.fc(x.flatten(1))


def check():
    head = FlexibleHead()
    with torch.no_grad():
        head(torch.randn(2, 784))
        head(torch.randn(2, 1, 28, 28))
