"""MobileNetV1 depthwise-separable blocks from a helper function, listed in one Sequential."""
import torch
import torch.nn as nn


def conv_bn(inp, oup, stride):
    return nn.Sequential(nn.Conv2d(inp, oup, 3, stride, 1, bias=False), nn.BatchNorm2d(oup), nn.ReLU(inplace=True))


def conv_dw(inp, oup, stride):
    return nn.Sequential(
        nn.Conv2d(inp, inp, 3, stride, 1, groups=inp, bias=False),
        nn.BatchNorm2d(inp),
        nn.ReLU(inplace=True),
        nn.Conv2d(inp, oup, 1, 1, 0, bias=False),
        nn.BatchNorm2d(oup),
        nn.ReLU(inplace=True),
    )


model = nn.Sequential(  # shapelint: input=(B, 3, 32, 32)
    conv_bn(3, 16, 2),
    conv_dw(16, 32, 1),
    conv_dw(32, 64, 2),
    conv_dw(64, 64, 1),
    nn.AdaptiveAvgPool2d(1),
    nn.Flatten(),
    nn.Linear(64, 10),
)


def check() -> None:
    model.eval()
    with torch.no_grad():
        model(torch.randn(2, 3, 32, 32))
