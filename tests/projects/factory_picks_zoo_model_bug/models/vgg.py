"""A VGG whose features come from a configuration list, and its classifier sized for what they leave."""

import torch.nn as nn

cfg = {"A": [16, "M", 32, "M", 64, "M"], "B": [16, 16, "M", 32, 32, "M", 64, 64, "M"]}


class VGG(nn.Module):
    def __init__(self, features, num_class=100):
        super().__init__()
        self.features = features
        self.classifier = nn.Sequential(nn.Linear(64 * 3 * 3, 128), nn.ReLU(inplace=True), nn.Linear(128, num_class))  # expect: SHP001

    def forward(self, x):
        output = self.features(x)
        output = output.view(output.size()[0], -1)
        return self.classifier(output)


def make_layers(cfg, batch_norm=False):
    layers = []
    input_channel = 3
    for item in cfg:
        if item == "M":
            layers += [nn.MaxPool2d(kernel_size=2, stride=2)]
            continue
        layers += [nn.Conv2d(input_channel, item, kernel_size=3, padding=1)]
        if batch_norm:
            layers += [nn.BatchNorm2d(item)]
        layers += [nn.ReLU(inplace=True)]
        input_channel = item
    return nn.Sequential(*layers)


def vgg_a():
    return VGG(make_layers(cfg["A"], batch_norm=True))


def vgg_b():
    return VGG(make_layers(cfg["B"], batch_norm=True))
