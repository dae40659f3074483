"""An AvgPool2d(7) head copied from a 224x224 ResNet onto a network ending at 4x4."""
import torch
import torch.nn as nn

head = nn.Sequential(  # shapelint: input=(B, 64, 4, 4)
    nn.AvgPool2d(7),  # expect: SHP004
    nn.Flatten(),
    nn.Linear(64, 10),
)


def check() -> None:
    with torch.no_grad():
        head(torch.randn(2, 64, 4, 4))
