"""Older spellings of a Sequential subclass's init: super(Cls, self) and nn.Sequential.__init__(self, ...)."""
import torch
import torch.nn as nn


class ConvBNReLU(nn.Sequential):
    def __init__(self, cin: int, cout: int) -> None:
        nn.Sequential.__init__(self, nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU())


class Head(nn.Sequential):
    def __init__(self, features: int, classes: int) -> None:
        super(Head, self).__init__(nn.Flatten(), nn.Linear(features, classes))


class Net(nn.Module):  # shapelint: input=(B, 3, 8, 8)
    def __init__(self) -> None:
        super(Net, self).__init__()
        self.body = ConvBNReLU(3, 16)
        self.reduce = nn.Conv2d(16, 4, 1)
        self.head = Head(4 * 8 * 8, 10)

    def forward(self, x):
        return self.head(self.reduce(self.body(x)))


def check() -> None:
    with torch.no_grad():
        Net().eval()(torch.randn(2, 3, 8, 8))
