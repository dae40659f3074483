"""A read of backbone.fc.in_features is traced back to the backbone layer's argument, which --unsafe-fixes rewrites."""
import torch
from torch import nn


class Backbone(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        )
        self.fc = nn.Linear(64, 1000)

    def forward(self, x):
        return self.fc(self.features(x))


class FineTuned(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self, num_classes=5):
        super().__init__()
        self.backbone = Backbone()
        self.backbone.fc = nn.Linear(self.backbone.fc.in_features, num_classes)

    def forward(self, x):
        return self.backbone(x)


def check() -> None:
    FineTuned()(torch.rand(2, 3, 32, 32))
