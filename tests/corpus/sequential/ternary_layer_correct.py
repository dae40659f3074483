"""An inline conditional picks BatchNorm or Identity; the untaken branch is never built."""
import torch
import torch.nn as nn

use_bn = False
width = 32
block = nn.Sequential(
    nn.Conv2d(3, width, 3, padding=1),
    nn.BatchNorm2d(width // 2) if use_bn else nn.Identity(),
    nn.ReLU(),
    nn.Conv2d(width, width, 3, padding=1),
)


def check() -> None:
    block.eval()
    with torch.no_grad():
        block(torch.randn(2, 3, 8, 8))
