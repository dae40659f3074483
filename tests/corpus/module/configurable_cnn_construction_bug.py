"""A CNN whose constructor needs its configuration, as model zoos write it: the class line declares the input, and each construction site (a factory function, a module-level instance) is checked in its own configuration; the classifier assumes the 4x4 map of a 32x32 input in every one."""
import torch
import torch.nn as nn


# shapelint: input=(B, 1, 28, 28)
class ConfigurableCNN(nn.Module):
    def __init__(self, in_channels, widths, classes):
        super().__init__()
        layers = []
        for width in widths:
            layers += [nn.Conv2d(in_channels, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
            in_channels = width
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Linear(widths[-1] * 4 * 4, classes)  # expect: SHP001

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


def small_cnn():
    return ConfigurableCNN(1, [16, 32], 10)


model = ConfigurableCNN(1, [32, 64, 128], 10)


def check() -> None:
    with torch.no_grad():
        small_cnn()(torch.randn(2, 1, 28, 28))
        model(torch.randn(2, 1, 28, 28))
