"""A C3D-like video clip classifier with Conv3d, BatchNorm3d and pooling over time and space."""
import torch
import torch.nn as nn

net = nn.Sequential(  # shapelint: input=(B, 3, 8, 32, 32)
    nn.Conv3d(3, 16, kernel_size=3, padding=1),
    nn.BatchNorm3d(16),
    nn.ReLU(inplace=True),
    nn.MaxPool3d(kernel_size=(1, 2, 2)),
    nn.Conv3d(16, 32, kernel_size=3, padding=1),
    nn.BatchNorm3d(32),
    nn.ReLU(inplace=True),
    nn.MaxPool3d(kernel_size=2),
    nn.Flatten(),
    nn.Linear(32 * 4 * 8 * 8, 64),
    nn.Linear(64, 5),
)


def check() -> None:
    net.eval()
    with torch.no_grad():
        net(torch.randn(2, 3, 8, 32, 32))
