"""Widths read from a config object; a checker that cannot evaluate them must not guess."""
import argparse

import torch
import torch.nn as nn

parser = argparse.ArgumentParser()
parser.add_argument("--hidden", type=int, default=48)
parser.add_argument("--in-dim", type=int, default=12)
args = parser.parse_args([])

model = nn.Sequential(  # shapelint: input=(B, 12)
    nn.Linear(args.in_dim, args.hidden),
    nn.ReLU(),
    nn.Linear(args.hidden, 2),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 12))
