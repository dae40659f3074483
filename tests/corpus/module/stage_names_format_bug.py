"""A MobileNetV2-style network whose stages are Sequentials of an OrderedDict keyed with str.format
("stage{}_{}".format(i, j)), as the ShuffleNet and MobileNet ports do: the second stage's first unit takes the
channels of the first stage's input, not its output."""
from collections import OrderedDict

import torch
import torch.nn as nn


def conv_bn(inp, oup, stride):
    return nn.Sequential(nn.Conv2d(inp, oup, 3, stride, 1, bias=False), nn.BatchNorm2d(oup), nn.ReLU6(inplace=True))


class Net(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        widths = [(16, 24), (16, 32)]
        stages = []
        for i, (inp, oup) in enumerate(widths):
            units = OrderedDict()
            units["stage{}_{}".format(i + 2, 0)] = conv_bn(inp, oup, 2)  # expect: SHP002
            units["stage{}_{}".format(i + 2, 1)] = conv_bn(oup, oup, 1)
            stages.append(nn.Sequential(units))
        self.stem = conv_bn(3, 16, 2)
        self.stages = nn.Sequential(*stages)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(32, num_classes)

    def forward(self, x):
        x = self.stages(self.stem(x))
        return self.fc(torch.flatten(self.pool(x), 1))


def check() -> None:
    with torch.no_grad():
        Net()(torch.randn(2, 3, 64, 64))


if __name__ == "__main__":
    check()
