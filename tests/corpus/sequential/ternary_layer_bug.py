"""An inline conditional picks BatchNorm or Identity; the flag is on and the size is wrong."""
import torch
import torch.nn as nn

use_bn = True
width = 32
block = nn.Sequential(
    nn.Conv2d(3, width, 3, padding=1),
    nn.BatchNorm2d(width // 2) if use_bn else nn.Identity(),  # expect: SHP003
    nn.ReLU(),
)


def check() -> None:
    block.eval()
    with torch.no_grad():
        block(torch.randn(2, 3, 8, 8))
