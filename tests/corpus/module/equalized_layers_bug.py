"""A progressive-GAN-style discriminator built from equalized-learning-rate layers of its own, which call
F.conv2d and F.linear with scaled weight parameters: the head's weight is sized for an 8x8 map, and the map is
16x16 after one strided convolution of 32x32 images."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class EqualConv2d(nn.Module):
    def __init__(self, in_channel, out_channel, kernel_size, stride=1, padding=0):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(out_channel, in_channel, kernel_size, kernel_size))
        self.bias = nn.Parameter(torch.zeros(out_channel))
        self.scale = 1 / (in_channel * kernel_size**2) ** 0.5
        self.stride = stride
        self.padding = padding

    def forward(self, input):
        return F.conv2d(input, self.weight * self.scale, bias=self.bias, stride=self.stride, padding=self.padding)


class EqualLinear(nn.Module):
    def __init__(self, in_dim, out_dim):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(out_dim, in_dim))
        self.bias = nn.Parameter(torch.zeros(out_dim))
        self.scale = 1 / in_dim**0.5

    def forward(self, input):
        return F.linear(input, self.weight * self.scale, self.bias)  # expect: SHP006


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.from_rgb = EqualConv2d(3, 16, 1)
        self.down = EqualConv2d(16, 32, 3, stride=2, padding=1)
        self.head = EqualLinear(32 * 8 * 8, 1)

    def forward(self, images):
        out = F.leaky_relu(self.down(F.leaky_relu(self.from_rgb(images), 0.2)), 0.2)
        return self.head(out.flatten(1))


def check() -> None:
    with torch.no_grad():
        Discriminator()(torch.randn(4, 3, 32, 32))


if __name__ == "__main__":
    check()
