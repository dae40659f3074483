"""EfficientNet-style stem and MBConv stages: widths through _make_divisible(width * multiplier, 8) and math.ceil depths."""
import math

import torch
import torch.nn as nn


def _make_divisible(v, divisor, min_value=None):
    if min_value is None:
        min_value = divisor
    new_v = max(min_value, int(v + divisor / 2) // divisor * divisor)
    if new_v < 0.9 * v:
        new_v += divisor
    return new_v


class ConvBNAct(nn.Sequential):
    def __init__(self, in_planes, out_planes, kernel_size=3, stride=1, groups=1):
        padding = (kernel_size - 1) // 2
        super().__init__(
            nn.Conv2d(in_planes, out_planes, kernel_size, stride, padding, groups=groups, bias=False),
            nn.BatchNorm2d(out_planes),
            nn.SiLU(inplace=True),
        )


class SqueezeExcitation(nn.Module):
    def __init__(self, channels, squeeze_channels):
        super().__init__()
        self.fc1 = nn.Conv2d(channels, squeeze_channels, 1)
        self.fc2 = nn.Conv2d(squeeze_channels, channels, 1)

    def forward(self, x):
        scale = x.mean((2, 3), keepdim=True)
        scale = torch.sigmoid(self.fc2(torch.relu(self.fc1(scale))))
        return scale * x


class MBConv(nn.Module):
    def __init__(self, cin, cout, expand, stride):
        super().__init__()
        hidden = _make_divisible(cin * expand, 8)
        self.use_res = stride == 1 and cin == cout
        self.block = nn.Sequential(
            ConvBNAct(cin, hidden, kernel_size=1),
            ConvBNAct(hidden, hidden, stride=stride, groups=hidden),
            SqueezeExcitation(hidden, max(1, cin // 4)),
            nn.Conv2d(hidden, cout, 1, bias=False),
            nn.BatchNorm2d(cout),
        )

    def forward(self, x):
        out = self.block(x)
        return x + out if self.use_res else out


class TinyEfficientNet(nn.Module):  # shapelint: input=(B, 3, 64, 64)
    def __init__(self, width_mult=1.25, depth_mult=1.1, num_classes=5):
        super().__init__()
        stages = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 40, 2, 2)]
        stem = _make_divisible(32 * width_mult, 8)
        layers = [ConvBNAct(3, stem, stride=2)]
        cin = stem
        for expand, channels, repeats, stride in stages:
            cout = _make_divisible(channels * width_mult, 8)
            for i in range(int(math.ceil(repeats * depth_mult))):
                layers.append(MBConv(cin, cout, expand, stride if i == 0 else 1))
                cin = cout
        last = _make_divisible(1280 * width_mult / 4, 8)
        layers.append(ConvBNAct(cin, last, kernel_size=1))
        self.features = nn.Sequential(*layers)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Sequential(nn.Dropout(0.2), nn.Linear(last, num_classes))

    def forward(self, x):
        x = self.avgpool(self.features(x))
        return self.classifier(torch.flatten(x, 1))


def check() -> None:
    TinyEfficientNet().eval()(torch.randn(2, 3, 64, 64))
