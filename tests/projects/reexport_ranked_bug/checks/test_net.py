"""A pytest test of the package: the model built and fed a CIFAR-sized batch."""

import torch

from pkg import Net


def test_net():
    out = Net(16)(torch.randn(2, 3, 32, 32))
    assert out.shape == (2, 10)


def check():
    test_net()
