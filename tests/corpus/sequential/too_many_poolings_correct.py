"""A VGG-ish stack with four 2x2 poolings on 16x16 inputs, ending at 1x1."""
import torch
import torch.nn as nn

features = nn.Sequential(  # shapelint: input=(B, 3, 16, 16)
    nn.Conv2d(3, 8, 3, padding=1),
    nn.MaxPool2d(2),
    nn.Conv2d(8, 8, 3, padding=1),
    nn.MaxPool2d(2),
    nn.Conv2d(8, 16, 3, padding=1),
    nn.MaxPool2d(2),
    nn.Conv2d(16, 16, 3, padding=1),
    nn.MaxPool2d(2),
    nn.Conv2d(16, 16, 3, padding=1),
    nn.Flatten(),
    nn.Linear(16, 4),
)


def check() -> None:
    with torch.no_grad():
        features(torch.randn(2, 3, 16, 16))
