"""Conv3d in_channels: a C3D-style video block whose second convolution restates the RGB input."""
import torch
from torch import nn

c3d = nn.Sequential(  # shapelint: input=(B, 3, 16, 112, 112)
    nn.Conv3d(3, 64, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool3d(kernel_size=(1, 2, 2), stride=(1, 2, 2)),
    nn.Conv3d(64, 128, kernel_size=3, padding=1),
    nn.ReLU(),
)


def check() -> None:
    c3d(torch.rand(1, 3, 16, 112, 112))
