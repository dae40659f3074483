"""numpy reductions: ``X.min()``, ``X.mean(axis=0)``, ``np.std(X, 0)``, ``Y.argmax(1)``.

Data preparation normalises by hand, ``(X - X.min()) / (X.max() - X.min())`` or ``(X - X.mean(0)) / X.std(0)``, so a
reduction must keep its shape for the data set to stay known.  A whole-array reduction is a numpy scalar, taken
as an array of no dimensions (numpy promotes both alike); over ``axis`` the axis goes, or stays as 1 with
``keepdims=True``.  Only the arguments that decide the shape are read; any other, an axis numpy refuses (out of
range, repeated, a list), a reduction of elements whose kind is not known, or one over no elements that ``min``,
``max`` and ``argmax`` refuse, is unknown.
"""

from __future__ import annotations

import dataclasses

from shapelint.dims import UNKNOWN, DType, Shape, is_int
from shapelint.evaluator.values import Array

_SAME = frozenset({"min", "max", "amin", "amax"})
_TOTALS = frozenset({"sum", "prod"})
_MEANS = frozenset({"mean", "std", "var", "median"})
_INDICES = frozenset({"argmin", "argmax"})
FUNCTIONS = _SAME | _TOTALS | _MEANS | _INDICES
METHODS = FUNCTIONS - {"amin", "amax", "median"}
"""The reductions an array has as methods (``np.median`` and the ``amin`` spellings are functions only)."""
_NO_IDENTITY = _SAME | _INDICES
"""Reductions numpy refuses over no elements."""


def reduced(array: Array, name: str, args: list[object], kwargs: dict[str, object]) -> object:
    """``array.name(*args, **kwargs)``; for ``np.name(array, *args, **kwargs)`` the same."""
    kind = _kind(name, array)
    axis = kwargs["axis"] if "axis" in kwargs else args[0] if args else None
    keepdims = kwargs.get("keepdims", False)
    if len(args) > 1 or len(args) + len(kwargs.keys() & {"axis"}) > 1 or not kwargs.keys() <= _keywords(name):
        return UNKNOWN
    if kind is UNKNOWN or not isinstance(keepdims, bool) or not _number(kwargs.get("ddof", 0)):
        return UNKNOWN
    if name in _INDICES and not (axis is None or is_int(axis)):
        return UNKNOWN  # argmax takes one axis
    shape = _shape(array.shape, axis, keepdims)
    if shape is None or (name in _NO_IDENTITY and not _nonempty(array.shape, axis)):
        return UNKNOWN
    if name == "median" and isinstance(axis, tuple) and len(axis) > 1 and not _nonempty(array.shape, None):
        return UNKNOWN  # numpy's median over several axes of an empty array fails to reshape what it keeps
    return dataclasses.replace(array, shape=shape.with_dtype(kind))  # type: ignore[arg-type]


def _keywords(name: str) -> frozenset[str]:
    """What a reduction may be given beside its array: ``keepdims`` (numpy's ``argmax`` took it only lately),
    and ``ddof`` for the spreads."""
    if name in _INDICES:
        return frozenset({"axis"})
    return frozenset({"axis", "keepdims", "ddof"} if name in ("std", "var") else {"axis", "keepdims"})


def _kind(name: str, array: Array) -> object:
    """The result's kind: numpy keeps the array's for ``min``/``max``, widens integers for ``sum``/``prod`` (a
    ``uint8`` total is ``uint64``, of no kind named here), averages to floats and counts positions in ints.
    Elements of a kind not known may be strings or objects: unknown."""
    kind: DType | None = array.shape.dtype
    if kind is None and not array.real:
        return UNKNOWN
    if name in _MEANS:
        return "float"
    return "int" if name in _INDICES else kind


def _shape(shape: Shape, axis: object, keepdims: bool) -> Shape | None:
    """What reducing ``shape`` over ``axis`` (an int, a tuple of them, or ``None`` for all) leaves."""
    if shape.open:
        return None
    rank = len(shape.dims)
    if axis is None:
        return Shape((1,) * rank if keepdims else ())
    axes = axis if isinstance(axis, tuple) else (axis,)
    if not rank or not all(is_int(a) and -rank <= a < rank for a in axes):
        return None
    at = {a % rank for a in axes}
    if len(at) != len(axes):
        return None  # numpy refuses a repeated axis
    if keepdims:
        return Shape(tuple(1 if i in at else size for i, size in enumerate(shape.dims)))
    return Shape(tuple(size for i, size in enumerate(shape.dims) if i not in at))


def _nonempty(shape: Shape, axis: object) -> bool:
    """Whether each reduction takes at least one element: every axis reduced is of a known, nonzero size."""
    axes = range(len(shape.dims)) if axis is None else axis if isinstance(axis, tuple) else (axis,)
    return all(is_int(size := shape.dims[at]) and size > 0 for at in axes)


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
