"""Fixtures for every test of the package: the crop size (larger than the model was written for), and a batch of crops of that size."""

import pytest
import torch


@pytest.fixture
def size():
    return 10


@pytest.fixture
def batch(size):
    return torch.randn(2, 3, size, size)
