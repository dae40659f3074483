"""A sensor model whose 5-tap Conv1d meets sequences only 4 steps long after pooling."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 6, 16)
    nn.Conv1d(6, 16, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool1d(4),
    nn.Conv1d(16, 16, kernel_size=5),  # expect: SHP004
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 6, 16))
