"""A width kept as a class attribute, changed on the class before the model is built: the constructor reads the new
value, which the second Linear was not sized for."""

import torch
import torch.nn as nn


class Projection(nn.Module):
    hidden = 8

    def __init__(self):
        super().__init__()
        self.a = nn.Linear(3, self.hidden)
        self.b = nn.Linear(20, 1)  # expect: SHP001

    def forward(self, x):
        return self.b(self.a(x).relu())


Projection.hidden = 16


def check():
    with torch.no_grad():
        Projection()(torch.randn(2, 3))
