"""``Net`` comes from ``pkg.a``: ``pkg.b`` defines one too, but its ``__all__`` leaves it out of ``import *``."""

import torch

from pkg import Net


def check():
    Net()(torch.randn(3, 12))
