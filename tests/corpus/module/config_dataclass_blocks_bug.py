"""EfficientNet-style stages: a dataclass config, a subclass that adjusts its widths before the dataclass's init,
a shallow copy per block, a block class carried in the config, and stochastic depth that returns early when not
training.  The classifier is sized for the last stage's width, not for the 1x1 expansion after it."""
import copy
import math
from dataclasses import dataclass
from functools import partial

import torch
import torch.nn as nn


def drop_path(x, p, training):
    if not training or p == 0.0:
        return x
    size = [x.shape[0]] + [1] * (x.ndim - 1)
    noise = torch.empty(size, dtype=x.dtype, device=x.device).bernoulli_(1.0 - p)
    return x * noise.div_(1.0 - p)


class DropPath(nn.Module):
    def __init__(self, p):
        super().__init__()
        self.p = p

    def forward(self, x):
        return drop_path(x, self.p, self.training)


class Block(nn.Module):
    def __init__(self, cnf, p):
        super().__init__()
        self.residual = cnf.stride == 1 and cnf.cin == cnf.cout
        self.body = nn.Sequential(
            nn.Conv2d(cnf.cin, cnf.cout, 3, stride=cnf.stride, padding=1, bias=False),
            nn.BatchNorm2d(cnf.cout),
            nn.SiLU(),
        )
        self.drop = DropPath(p)

    def forward(self, x):
        out = self.body(x)
        if self.residual:
            out = self.drop(out)
            out += x
        return out


@dataclass
class _StageConfig:
    stride: int
    cin: int
    cout: int
    depth: int
    block: type

    @staticmethod
    def adjust(channels, width):
        return int(math.ceil(channels * width / 8) * 8)


class StageConfig(_StageConfig):
    def __init__(self, stride, cin, cout, depth, width=1.0):
        super().__init__(stride, self.adjust(cin, width), self.adjust(cout, width), depth, Block)


class Net(nn.Module):
    def __init__(self, settings, classes=10):
        super().__init__()
        layers = [nn.Conv2d(3, settings[0].cin, 3, padding=1)]
        total = sum(cnf.depth for cnf in settings)
        done = 0
        for cnf in settings:
            stage = []
            for _ in range(cnf.depth):
                block_cnf = copy.copy(cnf)
                if stage:
                    block_cnf.cin = block_cnf.cout
                    block_cnf.stride = 1
                stage.append(block_cnf.block(block_cnf, 0.2 * done / total))
                done += 1
            layers.append(nn.Sequential(*stage))
        last = settings[-1].cout
        layers.append(nn.Conv2d(last, 4 * last, 1))
        self.features = nn.Sequential(*layers)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Linear(last, classes)  # expect: SHP001

    def forward(self, x):
        return self.classifier(torch.flatten(self.pool(self.features(x)), 1))


stage = partial(StageConfig, width=1.0)
model = Net([stage(1, 16, 16, 2), stage(2, 16, 24, 2), stage(2, 24, 40, 1)])


def check():
    model(torch.randn(2, 3, 32, 32))
