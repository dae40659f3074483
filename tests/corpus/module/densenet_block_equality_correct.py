"""The block count depends on which block class was passed, compared with == (pytorch-speech-commands' DenseNet):
`n = (depth - 4) // 6 if block == Bottleneck else (depth - 4) // 3`."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Bottleneck(nn.Module):
    def __init__(self, in_planes, growth):
        super().__init__()
        self.bn = nn.BatchNorm2d(in_planes)
        self.conv = nn.Conv2d(in_planes, growth, 3, padding=1, bias=False)

    def forward(self, x):
        return torch.cat([x, self.conv(F.relu(self.bn(x)))], 1)


class BasicBlock(Bottleneck):
    pass


class DenseNet(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self, depth=16, growth=4, block=Bottleneck):
        super().__init__()
        n = (depth - 4) // 6 if block == Bottleneck else (depth - 4) // 3
        planes = 2 * growth
        self.conv1 = nn.Conv2d(3, planes, 3, padding=1, bias=False)
        layers = []
        for _ in range(n):
            layers.append(block(planes, growth))
            planes += growth
        self.dense = nn.Sequential(*layers)
        self.bn = nn.BatchNorm2d(16)
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        out = self.dense(self.conv1(x))
        out = F.adaptive_avg_pool2d(F.relu(self.bn(out)), 1).flatten(1)
        return self.fc(out)


def check() -> None:
    DenseNet()(torch.randn(2, 3, 32, 32))
