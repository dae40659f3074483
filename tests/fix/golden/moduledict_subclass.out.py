"""A layer in an nn.ModuleDict subclass filled by add_module and run over self.items(), as torchvision's DenseNet block is."""
import torch
import torch.nn as nn


class DenseBlock(nn.ModuleDict):
    def __init__(self, num_layers, in_channels, growth_rate):
        super().__init__()
        for i in range(num_layers):
            self.add_module("denselayer%d" % (i + 1), nn.Conv2d(in_channels + i * growth_rate, growth_rate, 3, padding=1))

    def forward(self, x):
        features = [x]
        for name, layer in self.items():
            features.append(layer(torch.cat(features, 1)))
        return torch.cat(features, 1)


class TinyDenseNet(nn.Module):  # shapelint: input=(B, 16, 32, 32)
    def __init__(self):
        super().__init__()
        self.block = DenseBlock(4, 16, 12)
        self.transition = nn.Conv2d(64, 32, kernel_size=1)

    def forward(self, x):
        return self.transition(self.block(x))


def check() -> None:
    TinyDenseNet()(torch.rand(2, 16, 32, 32))
