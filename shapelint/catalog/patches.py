"""Sliding windows taken out of a tensor: ``x.unfold(dimension, size, step)`` and ``F.unfold`` (im2col).

The window counts are the convolutions' (:mod:`shapelint.catalog.windows`), so a window larger than its
dimension is the same collapse a kernel larger than its input is.
"""

from __future__ import annotations

from shapelint.catalog.base import Problem, ShapeError, expand
from shapelint.catalog.tensor_ops import position, with_size
from shapelint.catalog.windows import require_windows, window_count
from shapelint.dims import Dim, Shape, arith, is_int, product

_IM2COL = ("kernel_size", "dilation", "padding", "stride")
_IM2COL_DEFAULTS = {"dilation": 1, "padding": 0, "stride": 1}


def unfold_windows(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``x.unfold(dimension, size, step)``: ``dimension`` becomes the number of windows, and each window's ``size``
    entries a new last dimension."""
    given = dict(zip(("dimension", "size", "step"), args)) | kwargs
    dim, size, step = given.get("dimension"), given.get("size"), given.get("step")
    at = position(shape, dim)
    if at is None or not shape.dims or not is_int(size) or not is_int(step) or size < 0 or step <= 0:
        return Shape.anything()
    length = shape.dims[at]
    count = require_windows(window_count(length, size, step, 0, 1), f"unfold of size {size}", length)
    return Shape((*with_size(shape, at, count).dims, size), shape.open, shape.dtype)


def im2col(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``F.unfold(x, kernel_size, dilation=1, padding=0, stride=1)``: ``(N, C, H, W)`` (or ``(C, H, W)``) becomes
    ``(N, C * kh * kw, L)``, ``L`` the number of window positions; unknown for hyperparameters torch refuses."""
    given = _IM2COL_DEFAULTS | dict(zip(_IM2COL, args)) | kwargs
    if len(args) > len(_IM2COL) or set(given) != set(_IM2COL):
        return Shape.anything()
    if len(shape.dims) > 4 or (not shape.open and len(shape.dims) < 3):
        raise ShapeError(f"F.unfold expects a 3-D or 4-D input, got {shape}", Problem.RANK)
    try:
        pairs = [expand(given[name], 2, name) for name in _IM2COL]
    except ShapeError:
        return Shape.anything()
    if not all(is_int(value) for pair in pairs for value in pair) or len(shape.dims) < 3:
        return Shape.anything()
    kernel, dilation, padding, stride = pairs
    if min(*kernel, *dilation, *stride) <= 0 or min(padding) < 0:
        return Shape.anything()
    channels, *spatial = shape.dims[-3:]
    counts: list[Dim] = [
        require_windows(window_count(length, *window), "F.unfold", length)
        for length, window in zip(spatial, zip(kernel, stride, padding, dilation))
    ]
    columns = arith(lambda c, kh, kw: c * kh * kw, channels, *kernel)
    return Shape((*shape.dims[:-3], columns, product(counts)), shape.open, shape.dtype)
