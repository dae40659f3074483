"""A constructor flag picks pooling or flattening; forward branches on the flag and on self.training."""
import torch
import torch.nn as nn


class Net(nn.Module):  # shapelint: input=(B, 3, 8, 8)
    def __init__(self, use_pool=True):
        super().__init__()
        self.use_pool = use_pool
        self.conv = nn.Conv2d(3, 4, 3, padding=1)
        self.fc = nn.Linear(4 if use_pool else 4 * 8 * 8, 2)
        self.aux = nn.Linear(4 * 8 * 8, 2)

    def forward(self, x):
        x = self.conv(x)
        if self.training:
            return self.aux(x.flatten(1))
        if self.use_pool:
            x = x.mean(dim=(2, 3))
        else:
            x = x.flatten(1)
        return self.fc(x)


def check() -> None:
    with torch.no_grad():
        for flag in (True, False):
            Net(use_pool=flag).train()(torch.randn(2, 3, 8, 8))
            Net(use_pool=flag).eval()(torch.randn(2, 3, 8, 8))
