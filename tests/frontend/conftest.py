"""Registers the ``slow`` mark used by the pre-commit test, which builds a virtualenv."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: builds environments or runs for more than a few seconds")
