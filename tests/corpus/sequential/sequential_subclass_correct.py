"""torchvision-style Conv2dNormActivation: a Sequential subclass passing layers to super().__init__()."""
import torch
import torch.nn as nn


class ConvBNReLU(nn.Sequential):
    def __init__(self, in_planes, out_planes, kernel_size=3, stride=1):
        padding = (kernel_size - 1) // 2
        super().__init__(
            nn.Conv2d(in_planes, out_planes, kernel_size, stride, padding, bias=False),
            nn.BatchNorm2d(out_planes),
            nn.ReLU6(inplace=True),
        )


block = ConvBNReLU(16, 32)


def check() -> None:
    block.eval()
    with torch.no_grad():
        block(torch.randn(2, 16, 8, 8))
