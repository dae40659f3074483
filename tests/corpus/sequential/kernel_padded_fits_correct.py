"""A 5x5 kernel on a 4x4 map fits once padded by 1: the output is 2x2."""
import torch
import torch.nn as nn

head = nn.Sequential(  # shapelint: input=(B, 16, 4, 4)
    nn.Conv2d(16, 32, kernel_size=5, padding=1),
    nn.ReLU(),
    nn.Flatten(),
    nn.Linear(32 * 2 * 2, 10),
)


def check() -> None:
    with torch.no_grad():
        head(torch.randn(2, 16, 4, 4))
