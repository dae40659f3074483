"""The test takes its batch from the package's conftest.py, as pytest gives it."""

from pkg.model import Net


def test_forward(batch):
    assert Net()(batch).shape == (2, 10)
