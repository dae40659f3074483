"""VGG built from a table of configurations by factory functions, as torchvision writes it: every convolution
reads the running channel count, and the classifier the last width of the configuration."""

import torch
from torch import nn

CFGS = {
    "A": [8, "M", 16, "M", 32, 32, "M"],
    "B": [8, 8, "M", 16, 16, "M", 64, "M"],
}


class VGG(nn.Module):
    def __init__(self, cfg, num_classes=10, batch_norm=False):
        super().__init__()
        layers = []
        in_channels = 3
        for v in cfg:
            if v == "M":
                layers += [nn.MaxPool2d(2)]
            else:
                conv = nn.Conv2d(in_channels, v, 3, padding=1)
                layers += [conv, nn.BatchNorm2d(v), nn.ReLU()] if batch_norm else [conv, nn.ReLU()]
                in_channels = v
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Sequential(nn.Linear(cfg[-2] * 2 * 2, 32), nn.ReLU(), nn.Linear(32, num_classes))

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


def vgg_a():
    return VGG(CFGS["A"])


def vgg_b_bn():
    return VGG(CFGS["B"], batch_norm=True)


def check() -> None:
    vgg_a()(torch.rand(2, 3, 16, 16))
    vgg_b_bn().eval()(torch.rand(2, 3, 16, 16))
