"""How much a ``sampled`` test draws: a fifth in the default run, everything in the exhaustive run.

The default ``pytest`` is the tool used many times an hour, so hypothesis
tests draw a fifth of their examples and the long parametrized sweeps take
every fifth case.  ``pytest -m "exhaustive or sampled"`` (CI's second run)
switches to the full budgets: ``tests/conftest.py`` sets :data:`FULL` before
any test module is imported, from whether ``-m`` selects ``exhaustive`` (names it, not after ``not``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

FULL = False
SHARE = 5


def examples(full: int) -> int:
    """A hypothesis ``max_examples``: ``full`` in the exhaustive run, a fifth of it (at least 10) otherwise."""
    return full if FULL else max(10, full // SHARE)


def cases(items: Sequence[T]) -> list[T]:
    """Parametrized cases: all of them in the exhaustive run, every fifth otherwise (always the first)."""
    return list(items) if FULL else list(items[::SHARE])
