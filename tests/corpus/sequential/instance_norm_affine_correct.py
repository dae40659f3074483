"""Style-transfer downsampling block with reflection padding and affine InstanceNorm2d."""
import torch
import torch.nn as nn

block = nn.Sequential(  # shapelint: input=(B, 32, 16, 16)
    nn.ReflectionPad2d(1),
    nn.Conv2d(32, 64, kernel_size=3, stride=2),
    nn.InstanceNorm2d(64, affine=True),
    nn.ReLU(),
    nn.Flatten(),
    nn.Linear(64 * 8 * 8, 2),
)


def check() -> None:
    with torch.no_grad():
        block(torch.randn(2, 32, 16, 16))
