"""A 1-D keyword-spotting net pooling its 1-second clip away: 8000/16 -> 496 -> 124 -> 31 -> 7 -> 1 -> 0."""
import torch
import torch.nn as nn

net = nn.Sequential(  # shapelint: input=(B, 1, 8000)
    nn.Conv1d(1, 8, kernel_size=80, stride=16),
    nn.ReLU(),
    nn.MaxPool1d(4),
    nn.MaxPool1d(4),
    nn.MaxPool1d(4),
    nn.MaxPool1d(4),
    nn.MaxPool1d(4),  # expect: SHP004
    nn.Flatten(),
)


def check() -> None:
    with torch.no_grad():
        net(torch.randn(2, 1, 8000))
