"""VGG make_layers where the BatchNorm takes the running in_channels instead of the conv's width."""
import torch
import torch.nn as nn

cfg = [8, "M", 16, "M", 32, 32, "M"]


def make_layers(cfg, batch_norm=False):
    layers = []
    in_channels = 3
    for v in cfg:
        if v == "M":
            layers += [nn.MaxPool2d(kernel_size=2, stride=2)]
        else:
            conv2d = nn.Conv2d(in_channels, v, kernel_size=3, padding=1)
            if batch_norm:
                layers += [conv2d, nn.BatchNorm2d(in_channels), nn.ReLU(inplace=True)]  # expect: SHP003
            else:
                layers += [conv2d, nn.ReLU(inplace=True)]
            in_channels = v
    return nn.Sequential(*layers)


features = make_layers(cfg, batch_norm=True)


def check() -> None:
    features.eval()
    with torch.no_grad():
        features(torch.randn(2, 3, 32, 32))
