"""Fast neural style transformer net: reflection padding, affine InstanceNorm, upsample then conv."""
import torch
import torch.nn as nn


class ConvLayer(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size, stride):
        super().__init__()
        self.pad = nn.ReflectionPad2d(kernel_size // 2)
        self.conv = nn.Conv2d(in_channels, out_channels, kernel_size, stride)

    def forward(self, x):
        return self.conv(self.pad(x))


class TransformerNet(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self):
        super().__init__()
        self.conv1 = ConvLayer(3, 16, kernel_size=9, stride=1)
        self.in1 = nn.InstanceNorm2d(16, affine=True)
        self.conv2 = ConvLayer(16, 32, kernel_size=3, stride=2)
        self.in2 = nn.InstanceNorm2d(32, affine=True)
        self.up = nn.Upsample(scale_factor=2, mode="nearest")
        self.deconv = ConvLayer(32, 16, kernel_size=3, stride=1)
        self.in3 = nn.InstanceNorm2d(16, affine=True)
        self.out = ConvLayer(16, 3, kernel_size=9, stride=1)
        self.relu = nn.ReLU()

    def forward(self, x):
        y = self.relu(self.in1(self.conv1(x)))
        y = self.relu(self.in2(self.conv2(y)))
        y = self.relu(self.in3(self.deconv(self.up(y))))
        return self.out(y)


def check() -> None:
    with torch.no_grad():
        assert TransformerNet()(torch.randn(1, 3, 32, 32)).shape == (1, 3, 32, 32)
