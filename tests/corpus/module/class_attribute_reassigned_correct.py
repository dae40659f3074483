"""A width kept as a class attribute, changed on the class before the model is built: the constructor reads the new
value, so the second Linear is sized for it."""

import torch
import torch.nn as nn


class Projection(nn.Module):
    hidden = 8

    def __init__(self):
        super().__init__()
        self.a = nn.Linear(3, self.hidden)
        self.b = nn.Linear(20, 1)

    def forward(self, x):
        return self.b(self.a(x).relu())


Projection.hidden = 20


def check():
    with torch.no_grad():
        Projection()(torch.randn(2, 3))
