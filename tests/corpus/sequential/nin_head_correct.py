"""A Network-in-Network / SqueezeNet head: 1x1 conv to class scores, global pooling, flatten."""
import torch
import torch.nn as nn

head = nn.Sequential(  # shapelint: input=(B, 64, 7, 7)
    nn.Dropout(p=0.5),
    nn.Conv2d(64, 10, kernel_size=1),
    nn.ReLU(inplace=True),
    nn.AdaptiveAvgPool2d((1, 1)),
    nn.Flatten(),
    nn.Softmax(dim=1),
)


def check() -> None:
    with torch.no_grad():
        head.eval()(torch.randn(2, 64, 7, 7))
