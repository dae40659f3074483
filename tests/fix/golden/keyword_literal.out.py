"""An int literal passed by keyword: in_channels= on the second convolution of a small CIFAR net."""
import torch
import torch.nn as nn

features = nn.Sequential(  # shapelint: input=(B, 3, 32, 32)
    nn.Conv2d(in_channels=3, out_channels=32, kernel_size=3, padding=1),
    nn.ReLU(inplace=True),
    nn.MaxPool2d(2),
    nn.Conv2d(in_channels=32, out_channels=64, kernel_size=3, padding=1),
    nn.ReLU(inplace=True),
)


def check() -> None:
    features(torch.rand(2, 3, 32, 32))
