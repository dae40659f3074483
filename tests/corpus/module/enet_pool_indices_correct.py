"""An ENet-style downsampling bottleneck keeps the max pool's indices for the decoder's unpooling
(`main, indices = self.main_max1(x)`), and pads the main branch's channels to the extension's with zeros."""
import torch
import torch.nn as nn


class DownsamplingBottleneck(nn.Module):
    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.main_max1 = nn.MaxPool2d(2, stride=2, return_indices=True)
        self.ext_conv = nn.Sequential(nn.Conv2d(in_channels, out_channels, 2, stride=2, bias=False), nn.PReLU())
        self.out_channels = out_channels

    def forward(self, x):
        main, max_indices = self.main_max1(x)
        ext = self.ext_conv(x)
        n, ch_ext, h, w = ext.size()
        padding = torch.zeros(n, self.out_channels - main.size(1), h, w)
        main = torch.cat((main, padding), 1)
        return main + ext, max_indices


def check() -> None:
    with torch.no_grad():
        DownsamplingBottleneck(16, 128)(torch.rand(2, 16, 32, 32))
