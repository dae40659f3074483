"""A layer in a Sequential nested inside another: separate feature and classifier blocks, AlexNet style."""
import torch
from torch import nn

features = nn.Sequential(
    nn.Conv2d(3, 64, kernel_size=3, stride=2, padding=1), nn.ReLU(inplace=True),
    nn.MaxPool2d(2),
    nn.Conv2d(64, 128, kernel_size=3, padding=1), nn.ReLU(inplace=True),
    nn.AdaptiveAvgPool2d((2, 2)),
)
classifier = nn.Sequential(nn.Dropout(), nn.Linear(128 * 2 * 2, 256), nn.ReLU(inplace=True), nn.Linear(256, 10))
alexnet = nn.Sequential(features, nn.Flatten(), classifier)  # shapelint: input=(B, 3, 64, 64)


def check() -> None:
    alexnet.eval()(torch.rand(2, 3, 64, 64))
