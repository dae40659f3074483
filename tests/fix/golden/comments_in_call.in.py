"""Keyword arguments with a comment after each and a trailing comma: only the wrong value changes."""
import torch
import torch.nn as nn

stem = nn.Sequential(  # shapelint: input=(B, 3, 224, 224)
    nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3, bias=False),
    nn.BatchNorm2d(64),
    nn.ReLU(inplace=True),
    nn.MaxPool2d(kernel_size=3, stride=2, padding=1),
    nn.Conv2d(
        in_channels=128,  # copied from layer2
        out_channels=64,  # keep the width
        kernel_size=3,
        padding=1,
        bias=False,  # followed by BatchNorm
    ),
)


def check() -> None:
    stem.eval()(torch.rand(1, 3, 224, 224))
