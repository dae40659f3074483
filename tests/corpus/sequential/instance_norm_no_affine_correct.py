"""InstanceNorm2d without affine parameters ignores num_features, so torch accepts a stale 32 here.

torch only warns; no size argument is used, so a shape checker must stay silent.
"""
import torch
import torch.nn as nn

block = nn.Sequential(  # shapelint: input=(B, 3, 16, 16)
    nn.ReflectionPad2d(3),
    nn.Conv2d(3, 64, kernel_size=7),
    nn.InstanceNorm2d(32),
    nn.ReLU(True),
)


def check() -> None:
    with torch.no_grad():
        block(torch.randn(2, 3, 16, 16))
