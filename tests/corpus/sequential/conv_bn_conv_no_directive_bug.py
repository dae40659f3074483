"""Conv -> BatchNorm -> Conv where the second conv expects the wrong channels; no directive."""
import torch
import torch.nn as nn

trunk = nn.Sequential(
    nn.Conv2d(3, 16, kernel_size=3, stride=1, padding=1, bias=False),
    nn.BatchNorm2d(16),
    nn.ReLU(inplace=True),
    nn.Conv2d(in_channels=24, out_channels=32, kernel_size=3, padding=1, bias=False),  # expect: SHP002
    nn.BatchNorm2d(32),
    nn.ReLU(inplace=True),
)


def check() -> None:
    trunk.eval()
    with torch.no_grad():
        trunk(torch.randn(2, 3, 8, 8))
