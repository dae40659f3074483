"""A config object from a class with a generated init (attrs-like decorator): its values are not knowable, so silence."""
import torch
import torch.nn as nn


def define(cls):
    """Stand-in for attrs.define: a keyword init that stores every argument."""

    def __init__(self, **kwargs):
        for key, value in kwargs.items():
            setattr(self, key, value)

    cls.__init__ = __init__
    return cls


@define
class Config:
    in_dim = 8
    hidden = 16
    out_dim = 2


class Net(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.fc1 = nn.Linear(cfg.in_dim, cfg.hidden)
        self.fc2 = nn.Linear(cfg.hidden, cfg.out_dim)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


def check() -> None:
    Net(Config(in_dim=12, hidden=32))(torch.randn(4, 12))


if __name__ == "__main__":
    net = Net(Config(in_dim=12, hidden=32))
    print(net(torch.randn(4, 12)).shape)
