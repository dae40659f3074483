"""``np.arange`` and ``np.linspace``: their lengths, computed only where they are certain.

numpy sizes ``arange(start, stop, step)`` as ``ceil((stop - start) / step)`` worked in floating point, so
``np.arange(1, 1.3, 0.1)`` has four elements, not three.  The length is taken only when that division is exact
(the quotient is the true one, as for integers and ``np.arange(0, 2, 0.25)``) or its ceiling is far from
changing under rounding; otherwise it is unknown rather than a guess.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TypeGuard

from shapelint.dims import UNKNOWN, DType, Shape
from shapelint.evaluator.values import Array, Origin

MAX_LENGTH = 2**40
_MARGIN = Fraction(1, 10**6)
"""How far from an integer an inexact quotient must be for its ceiling to be certain."""
_LARGEST = 2**53
"""Bounds past which a Python int is no longer a float exactly, nor an int64 numpy takes in every case."""
_LINSPACE_KEYWORDS = frozenset({"num", "endpoint"})


def call(name: str, args: list[object], kwargs: dict[str, object]) -> object:
    """The array ``np.arange(...)`` or ``np.linspace(...)`` makes; unknown where its length or kind is not
    certain (a ``dtype=``, an unknown bound, an inexact float step)."""
    if name == "arange":
        length = arange_length(*args) if not kwargs and 1 <= len(args) <= 3 else None
        kind: DType = "int" if all(isinstance(arg, int) for arg in args) else "float"
    else:
        length = linspace_length(args, kwargs)
        kind = "float"
    return UNKNOWN if length is None else Array(Shape((length,), dtype=kind), Origin(f"np.{name}"))


def arange_length(*bounds: object) -> int | None:
    """``len(np.arange(*bounds))`` for Python numbers, ``None`` when not certain."""
    numbers = [bound for bound in bounds if _number(bound) and abs(bound) < _LARGEST]  # no inf, nan or huge int
    if len(numbers) != len(bounds):
        return None
    start, stop, step = (0, numbers[0], 1) if len(numbers) == 1 else (*numbers, 1)[:3]
    if step == 0:
        return None
    exact = (Fraction(stop) - Fraction(start)) / Fraction(step)
    worked = (stop - start) / step
    if not math.isfinite(worked):
        return None
    if Fraction(worked) != exact and abs(exact - round(exact)) < _MARGIN * max(Fraction(1), abs(exact)):
        return None
    length = max(0, math.ceil(exact))
    return length if length <= MAX_LENGTH else None


def linspace_length(args: list[object], kwargs: dict[str, object]) -> int | None:
    """``len(np.linspace(start, stop, num))``: ``num`` (50 unless given), for number bounds."""
    if len(args) < 2 or len(args) > 3 or not set(kwargs) <= _LINSPACE_KEYWORDS or not all(map(_number, args[:2])):
        return None
    if len(args) == 3 and "num" in kwargs:
        return None
    num = args[2] if len(args) == 3 else kwargs.get("num", 50)
    if not isinstance(num, int) or isinstance(num, bool) or not 0 <= num <= MAX_LENGTH:
        return None
    return num if isinstance(kwargs.get("endpoint", True), bool) else None


def _number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
