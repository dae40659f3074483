"""A layer appended after a for loop builds a VGG-style stack, then nn.Sequential(*layers)."""
import torch
from torch import nn

cfg = [64, "M", 128, "M", 256, 256, "M"]
layers = []
in_channels = 3
for v in cfg:
    if v == "M":
        layers.append(nn.MaxPool2d(kernel_size=2, stride=2))
    else:
        layers += [nn.Conv2d(in_channels, v, kernel_size=3, padding=1), nn.ReLU(inplace=True)]
        in_channels = v
layers += [nn.Flatten(), nn.Linear(256 * 4 * 4, 10)]
vgg = nn.Sequential(*layers)  # shapelint: input=(B, 3, 32, 32)


def check() -> None:
    vgg(torch.rand(2, 3, 32, 32))
