"""A tiny C3D-style video net whose head ignores that the first pool kept all frames."""
import torch
import torch.nn as nn

c3d = nn.Sequential(  # shapelint: input=(B, 3, 8, 16, 16)
    nn.Conv3d(3, 8, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool3d(kernel_size=(1, 2, 2)),
    nn.Conv3d(8, 16, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool3d(2),
    nn.Flatten(),
    nn.Linear(16 * 2 * 4 * 4, 5),  # expect: SHP001
)


def check() -> None:
    with torch.no_grad():
        c3d(torch.randn(2, 3, 8, 16, 16))
