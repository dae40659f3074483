"""A model zoo's factory: the depth picks the configuration in an ``if`` chain the linter cannot decide (the depth
comes from the command line), so each branch's construction is a configuration of its own, checked on the class's
declared input.  The constructor builds its stages with a helper and a loop, as 3D ResNets do.  Here the head was
written for the last stage's width plus one."""
import os

import torch
import torch.nn as nn


class Stage(nn.Module):
    def __init__(self, in_planes, planes):
        super().__init__()
        self.conv = nn.Conv3d(in_planes, planes, kernel_size=3, padding=1, bias=False)
        self.bn = nn.BatchNorm3d(planes)

    def forward(self, x):
        return torch.relu(self.bn(self.conv(x)))


class VideoNet(nn.Module):  # shapelint: input=(B, 3, 4, 16, 16)
    def __init__(self, blocks, widths, n_classes=10):
        super().__init__()
        self.in_planes = 3
        self.stages = nn.Sequential(*[self._make_stage(width, count) for width, count in zip(widths, blocks)])
        self.pool = nn.AdaptiveAvgPool3d(1)
        self.fc = nn.Linear(widths[-1] + 1, n_classes)  # expect: SHP001

    def _make_stage(self, planes, count):
        layers = []
        for _ in range(count):
            layers.append(Stage(self.in_planes, planes))
            self.in_planes = planes
        return nn.Sequential(*layers)

    def forward(self, x):
        x = self.pool(self.stages(x))
        return self.fc(x.view(x.size(0), -1))


def generate_model(depth, **kwargs):
    assert depth in [10, 18]
    if depth == 10:
        model = VideoNet([1, 1], [8, 16], **kwargs)
    elif depth == 18:
        model = VideoNet([2, 2], [16, 32], **kwargs)
    return model


def check() -> None:
    # the depths come from outside, as a command line gives them: the linter decides none of the branches
    with torch.no_grad():
        for depth in map(int, os.environ.get("DEPTHS", "10 18").split()):
            generate_model(depth).eval()(torch.randn(2, 3, 4, 16, 16))
