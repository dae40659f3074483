"""Integers of any length are values like any other: CPython refuses to turn one of over 4,300 digits into text
(or text into one), which a size in a directive, a message or a JSON report may need."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def unlimited_int_digits() -> Iterator[None]:
    """Lift the limit while shapelint works, and put back whatever it was."""
    getter = getattr(sys, "get_int_max_str_digits", None)
    setter = getattr(sys, "set_int_max_str_digits", None)
    if getter is None or setter is None:  # an interpreter from before the limit
        yield
        return
    before = getter()
    setter(0)
    try:
        yield
    finally:
        setter(before)
