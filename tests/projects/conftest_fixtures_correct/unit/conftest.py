"""Fixtures for every test of the package: the crop size, and a batch of crops of that size."""

import pytest
import torch


@pytest.fixture
def size():
    return 8


@pytest.fixture
def batch(size):
    return torch.randn(2, 3, size, size)
