"""numpy as the ground truth of the numpy tests: what a short program gives under the evaluator and under numpy,
and whether the two agree."""

from __future__ import annotations

import warnings

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator import evaluate
from shapelint.evaluator.values import Array

_KINDS = {"f": "float", "i": "int", "u": "int"}
_MAKERS = {"float": "np.random.rand(*{shape})", "int": "np.random.randint(0, 5, {shape})"}
NARROW = ["uint8", "int8", "int16", "uint16", "uint32", "uint64", "bool"]
"""Element types of no kind the evaluator names, yet numbers (or bools)."""


def run(source: str) -> tuple[object, object]:
    """Ours and numpy's value of ``y`` after ``source``; numpy's is the exception it raised, if it did."""
    import numpy as np

    program = f"import numpy as np\n{source}"
    ours = evaluate(cst.parse_module(program)).names["y"]
    real: dict[str, object] = {}
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the mean of no elements, a variance of one
            exec(compile(program, "<numpy>", "exec", dont_inherit=True), real)
    except (ValueError, TypeError, IndexError, OverflowError, ZeroDivisionError) as error:
        return ours, error
    return ours, real["y"]


def agrees(ours: object, real: object) -> bool:
    """Ours is unknown, or an array of numpy's shape whose kind, when known, is numpy's, and whose elements are
    numbers or bools where ours says so."""
    import numpy as np

    if ours is UNKNOWN:
        return True
    real = np.asarray(real) if isinstance(real, np.generic) else real  # a numpy scalar, shaped ()
    if not isinstance(ours, Array) or not isinstance(real, np.ndarray):
        return False
    kind = ours.shape.dtype
    known_kind = kind is None or kind == _KINDS.get(real.dtype.kind)
    return ours.shape.dims == real.shape and known_kind and (not ours.real or real.dtype.kind in "biuf")


def array(kind: str, shape: tuple[int, ...]) -> str:
    """numpy code making an array of ``shape`` whose elements are of ``kind``: ``float``, ``int``, one of
    :data:`NARROW`, or ``str``."""
    if kind in _MAKERS:
        return _MAKERS[kind].format(shape=shape)
    return f"np.random.randint(0, 5, {shape}).astype({'str' if kind == 'str' else f'np.{kind}'})"
