"""Subclasses that override a class attribute, constructor defaults and forward; each variant runs."""
import torch
import torch.nn as nn


class Small(nn.Module):  # shapelint: input=(B, 10)
    width = 16

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(10, self.width)
        self.fc2 = nn.Linear(self.width, 2)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


class Wide(Small):  # shapelint: input=(B, 10)
    width = 32

    def __init__(self):
        super().__init__()
        self.head = nn.Linear(32, 2)

    def forward(self, x):
        return self.head(torch.tanh(self.fc1(x)))


class ConvBase(nn.Module):  # shapelint: input=(B, 3, 8, 8)
    def __init__(self, c=8):
        super().__init__()
        self.conv = nn.Conv2d(3, c, 3)
        self.fc = nn.Linear(c * 6 * 6, 2)

    def forward(self, x):
        return self.fc(self.conv(x).flatten(1))


class Pooled(ConvBase):  # shapelint: input=(B, 3, 8, 8)
    def __init__(self):
        super().__init__(c=4)
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(self.conv(x).mean(dim=(2, 3)))


def check() -> None:
    with torch.no_grad():
        for model in (Small(), Wide(), ConvBase(), Pooled()):
            model(torch.randn(2, 10) if isinstance(model, Small) else torch.randn(2, 3, 8, 8))
