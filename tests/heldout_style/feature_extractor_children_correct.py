"""Transfer learning: a user backbone's children()[:-1] re-wrapped in Sequential, with a new head on its width."""
import torch
import torch.nn as nn


class SmallResNet(nn.Module):
    def __init__(self, num_classes=1000):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, 3, stride=2, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(32)
        self.relu = nn.ReLU(inplace=True)
        self.layer1 = nn.Sequential(nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.BatchNorm2d(64), nn.ReLU())
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(64, num_classes)

    def forward(self, x):
        x = self.layer1(self.relu(self.bn1(self.conv1(x))))
        return self.fc(torch.flatten(self.avgpool(x), 1))


class FineTuned(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self, n_out=4):
        super().__init__()
        backbone = SmallResNet()
        self.features = nn.Sequential(*list(backbone.children())[:-1])
        self.head = nn.Linear(backbone.fc.in_features, n_out)

    def forward(self, x):
        return self.head(self.features(x).flatten(1))


def check() -> None:
    FineTuned().eval()(torch.randn(2, 3, 32, 32))
