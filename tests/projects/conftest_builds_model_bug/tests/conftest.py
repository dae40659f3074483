"""Fixtures for the tests of this folder (no ``__init__.py``: pytest finds this file by its folder)."""

import pytest
import torch

from netpkg.net import Net


@pytest.fixture
def model():
    return Net()


@pytest.fixture
def batch():
    return torch.randn(2, 3, 32, 32)
