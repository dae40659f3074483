"""Notebook re-run: a later cell rebinds `hidden` before the model is built, so the class sees 128."""
import torch
import torch.nn as nn

hidden = 64


class Net(nn.Module):  # shapelint: input=(B, 10)
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(10, hidden)
        self.fc2 = nn.Linear(128, 2)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


hidden = 128


def check() -> None:
    with torch.no_grad():
        Net()(torch.randn(2, 10))
