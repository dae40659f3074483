"""Notebook cell that prints a torchinfo summary; the summary's input_size is the model's input."""
import torch
import torch.nn as nn


class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 6, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 12, 5), nn.ReLU())
        self.head = nn.Linear(12 * 4 * 4, 3)

    def forward(self, x):
        return self.head(torch.flatten(self.body(x), 1))


def check() -> None:
    with torch.no_grad():
        TinyNet()(torch.randn(2, 3, 20, 20))


if __name__ == "__main__":
    from torchinfo import summary

    summary(TinyNet(), input_size=(1, 3, 20, 20))
