"""torchvision VGG's make_layers: the head assumes a 6x7 map after the adaptive pool."""
from typing import cast
import torch
import torch.nn as nn


def make_layers(cfg, batch_norm=False):
    layers = []
    in_channels = 3
    for v in cfg:
        if v == "M":
            layers += [nn.MaxPool2d(kernel_size=2, stride=2)]
        else:
            v = cast(int, v)
            conv2d = nn.Conv2d(in_channels, v, kernel_size=3, padding=1)
            layers += [conv2d, nn.ReLU(inplace=True)]
            in_channels = v
    return nn.Sequential(*layers)


class VGG(nn.Module):
    def __init__(self, features, num_classes=10):
        super().__init__()
        self.features = features
        self.avgpool = nn.AdaptiveAvgPool2d((7, 7))
        self.classifier = nn.Linear(16 * 6 * 7, num_classes)  # expect: SHP001

    def forward(self, x):
        x = self.features(x)
        x = self.avgpool(x)
        return self.classifier(torch.flatten(x, 1))




def check() -> None:
    with torch.no_grad():
        VGG(make_layers([8, "M", 16, "M"]))(torch.randn(2, 3, 32, 32))


if __name__ == "__main__":
    VGG(make_layers([8, "M", 16, "M"]))(torch.randn(2, 3, 32, 32))
