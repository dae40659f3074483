"""A SqueezeNet-style final conv declared for the 512 channels of the original network."""
import torch
import torch.nn as nn

head = nn.Sequential(  # shapelint: input=(B, 64, 7, 7)
    nn.Dropout(p=0.5),
    nn.Conv2d(512, 10, kernel_size=1),  # expect: SHP002
    nn.ReLU(inplace=True),
    nn.AdaptiveAvgPool2d((1, 1)),
    nn.Flatten(),
)


def check() -> None:
    with torch.no_grad():
        head.eval()(torch.randn(2, 64, 7, 7))
