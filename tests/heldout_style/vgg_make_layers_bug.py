"""VGG recipe where the classifier was copied from VGG16 (512 channels) onto a 64-channel trunk."""
import torch
import torch.nn as nn


def make_layers(cfg, batch_norm=False):
    layers = []
    in_channels = 3
    for v in cfg:
        if v == "M":
            layers += [nn.MaxPool2d(kernel_size=2, stride=2)]
        else:
            layers += [nn.Conv2d(in_channels, v, kernel_size=3, padding=1), nn.ReLU(inplace=True)]
            in_channels = v
    return nn.Sequential(*layers)


class VGG(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = make_layers([16, "M", 32, "M", 64, "M"])
        self.avgpool = nn.AdaptiveAvgPool2d((7, 7))
        self.classifier = nn.Sequential(
            nn.Linear(512 * 7 * 7, 256),  # expect: SHP001
            nn.ReLU(True),
            nn.Linear(256, num_classes),
        )

    def forward(self, x):
        x = self.avgpool(self.features(x))
        return self.classifier(x.view(x.size(0), -1))


def check() -> None:
    with torch.no_grad():
        VGG()(torch.randn(2, 3, 32, 32))
