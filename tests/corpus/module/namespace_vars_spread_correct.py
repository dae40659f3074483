"""A script that builds its model with `Net(**vars(args))` from argparse defaults, after filling the config in
through `vars(args)`, and feeds it what the configuration says."""
import argparse

import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, in_dim=12, hidden=64, out_dim=3, **unused):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(in_dim, hidden), nn.ReLU(), nn.Linear(hidden, out_dim))

    def forward(self, x):
        return self.net(x)


parser = argparse.ArgumentParser()
parser.add_argument("--in_dim", type=int, default=12)
parser.add_argument("--lr", type=float, default=1e-3)
args = parser.parse_args([])
vars(args)["hidden"] = 64
config = argparse.Namespace(**vars(args), out_dim=3)


def check() -> None:
    model = Net(**vars(config))
    model(torch.randn(5, config.in_dim))
