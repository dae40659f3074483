"""Style-transfer block with an affine InstanceNorm2d sized for the block's input."""
import torch
import torch.nn as nn

block = nn.Sequential(  # shapelint: input=(B, 32, 16, 16)
    nn.ReflectionPad2d(1),
    nn.Conv2d(32, 64, kernel_size=3, stride=2),
    nn.InstanceNorm2d(32, affine=True),  # expect: SHP003
    nn.ReLU(),
)


def check() -> None:
    with torch.no_grad():
        block(torch.randn(2, 32, 16, 16))
