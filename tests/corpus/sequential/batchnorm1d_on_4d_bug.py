"""BatchNorm1d used on a conv feature map, where BatchNorm2d belongs."""
import torch
import torch.nn as nn

block = nn.Sequential(  # shapelint: input=(B, 3, 8, 8)
    nn.Conv2d(3, 16, 3, padding=1),
    nn.BatchNorm1d(16),  # expect: SHP005
    nn.ReLU(),
)


def check() -> None:
    with torch.no_grad():
        block(torch.randn(2, 3, 8, 8))
