"""The other half: ``heads`` imports this module while it is still running."""

import torch
import torch.nn as nn

WIDTH = 48

import heads  # noqa: E402

model = nn.Sequential(nn.Linear(20, WIDTH), nn.ReLU(), heads.head(5))


def check():
    model(torch.randn(3, 20))


if __name__ == "__main__":
    check()
