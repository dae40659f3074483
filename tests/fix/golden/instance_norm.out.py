"""InstanceNorm2d(affine=True) num_features in a style-transfer residual block."""
import torch
from torch import nn

transformer_net = nn.Sequential(  # shapelint: input=(B, 3, 64, 64)
    nn.ReflectionPad2d(4), nn.Conv2d(3, 32, kernel_size=9), nn.InstanceNorm2d(32, affine=True), nn.ReLU(),
    nn.Conv2d(32, 64, kernel_size=3, stride=2, padding=1), nn.InstanceNorm2d(64, affine=True), nn.ReLU(),
)


def check() -> None:
    transformer_net(torch.rand(2, 3, 64, 64))
