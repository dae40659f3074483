"""A 5x5 kernel on a 4x4 feature map with no padding."""
import torch
import torch.nn as nn

head = nn.Sequential(  # shapelint: input=(B, 16, 4, 4)
    nn.Conv2d(16, 32, kernel_size=5),  # expect: SHP004
    nn.ReLU(),
)


def check() -> None:
    with torch.no_grad():
        head(torch.randn(2, 16, 4, 4))
