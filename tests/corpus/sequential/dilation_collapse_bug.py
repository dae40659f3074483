"""A dilated 3x3 kernel spans 9 pixels and no longer fits the 8x8 feature map."""
import torch
import torch.nn as nn

head = nn.Sequential(  # shapelint: input=(B, 4, 8, 8)
    nn.Conv2d(4, 8, 3, padding=1),
    nn.ReLU(),
    nn.Conv2d(8, 8, 3, dilation=4),  # expect: SHP004
)


def check() -> None:
    with torch.no_grad():
        head(torch.randn(2, 4, 8, 8))
