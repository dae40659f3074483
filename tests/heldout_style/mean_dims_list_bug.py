"""EfficientNet-style global pooling written `x.mean([2, 3])`; the classifier expects the stem width."""
import torch
import torch.nn as nn


class Net(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 24, 3, stride=2, padding=1), nn.BatchNorm2d(24), nn.SiLU())
        self.head = nn.Sequential(nn.Conv2d(24, 96, 1), nn.BatchNorm2d(96), nn.SiLU())
        self.classifier = nn.Linear(24, 10)  # expect: SHP001

    def forward(self, x):
        x = self.head(self.stem(x))
        return self.classifier(x.mean([2, 3]))


def check() -> None:
    with torch.no_grad():
        Net().eval()(torch.randn(2, 3, 32, 32))
