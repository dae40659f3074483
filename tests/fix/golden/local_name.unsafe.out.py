"""A local name holding backbone.fc.in_features: --unsafe-fixes replaces the name where the head uses it."""
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
        self.fc = nn.Linear(128, 1000)

    def forward(self, x):
        return self.fc(self.features(x))


class FineTuned(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self, num_classes=5):
        super().__init__()
        self.backbone = Backbone()
        num_ftrs = self.backbone.fc.in_features
        self.backbone.fc = nn.Identity()
        self.head = nn.Linear(64, num_classes)

    def forward(self, x):
        return self.head(self.backbone(x))


def check() -> None:
    FineTuned()(torch.rand(2, 3, 32, 32))
