"""A base classifier receives its feature width through super().__init__()."""
import torch
import torch.nn as nn


class BaseClassifier(nn.Module):
    def __init__(self, feature_dim, num_classes=10):
        super().__init__()
        self.head = nn.Linear(feature_dim, num_classes)


class MLPClassifier(BaseClassifier):  # shapelint: input=(B, 784)
    def __init__(self):
        super().__init__(feature_dim=128)
        self.body = nn.Sequential(nn.Linear(784, 128), nn.ReLU())

    def forward(self, x):
        return self.head(self.body(x))


def check() -> None:
    with torch.no_grad():
        MLPClassifier()(torch.randn(2, 784))
