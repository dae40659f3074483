"""BatchNorm2d given num_features by keyword, for the wrong conv; no directive."""
import torch
import torch.nn as nn

trunk = nn.Sequential(
    nn.Conv2d(3, 16, 3, padding=1, bias=False),
    nn.BatchNorm2d(16),
    nn.ReLU(inplace=True),
    nn.Conv2d(16, 32, 3, padding=1, bias=False),
    nn.BatchNorm2d(
        num_features=16,  # expect: SHP003
        momentum=0.01,
    ),
    nn.ReLU(inplace=True),
)


def check() -> None:
    trunk.eval()
    with torch.no_grad():
        trunk(torch.randn(2, 3, 8, 8))
