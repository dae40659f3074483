"""A layer in an nn.Sequential subclass filled through super().__init__, as torchvision's ConvNormActivation is."""
import torch
from torch import nn


class ConvBNReLU(nn.Sequential):
    def __init__(self, in_planes, out_planes, kernel_size=3, stride=1):
        padding = (kernel_size - 1) // 2
        super().__init__(
            nn.Conv2d(in_planes, out_planes, kernel_size, stride, padding, bias=False),
            nn.BatchNorm2d(16),
            nn.ReLU6(inplace=True),
        )


stem = nn.Sequential(ConvBNReLU(3, 16, stride=2), ConvBNReLU(16, 16))  # shapelint: input=(B, 3, 64, 64)


def check() -> None:
    stem.eval()(torch.rand(2, 3, 64, 64))
