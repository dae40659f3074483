"""torchvision's VGG recipe, shrunk: make_layers(cfg) with 'M' entries and a 7x7 adaptive head."""
from typing import List, Union

import torch
import torch.nn as nn

cfgs = {"tiny": [16, "M", 32, "M", 64, 64, "M"]}


def make_layers(cfg: List[Union[str, int]], batch_norm: bool = False) -> nn.Sequential:
    layers: List[nn.Module] = []
    in_channels = 3
    for v in cfg:
        if v == "M":
            layers += [nn.MaxPool2d(kernel_size=2, stride=2)]
        else:
            conv2d = nn.Conv2d(in_channels, v, kernel_size=3, padding=1)
            if batch_norm:
                layers += [conv2d, nn.BatchNorm2d(v), nn.ReLU(inplace=True)]
            else:
                layers += [conv2d, nn.ReLU(inplace=True)]
            in_channels = v
    return nn.Sequential(*layers)


class VGG(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self, features: nn.Module, num_classes: int = 10) -> None:
        super().__init__()
        self.features = features
        self.avgpool = nn.AdaptiveAvgPool2d((7, 7))
        self.classifier = nn.Sequential(
            nn.Linear(64 * 7 * 7, 128),
            nn.ReLU(True),
            nn.Dropout(),
            nn.Linear(128, num_classes),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.features(x)
        x = self.avgpool(x)
        x = torch.flatten(x, 1)
        return self.classifier(x)


def check() -> None:
    with torch.no_grad():
        VGG(make_layers(cfgs["tiny"], batch_norm=True)).eval()(torch.randn(2, 3, 32, 32))
