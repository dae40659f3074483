"""A size passed through a factory function's parameter: --unsafe-fixes rewrites the call-site argument."""
import torch
from torch import nn


def make_classifier(in_features, num_classes):
    return nn.Sequential(  # shapelint: input=(B, 512, 7, 7)
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
        nn.Dropout(0.2),
        nn.Linear(in_features, num_classes),
    )


classifier = make_classifier(2048, 10)


def check() -> None:
    classifier(torch.rand(2, 512, 7, 7))
