"""Sliding-window arithmetic shared by convolutions and pooling."""

from __future__ import annotations

from shapelint.catalog.base import Problem, ShapeError, truthy
from shapelint.dims import UNKNOWN, Dim, arith


def window_count(
    length: Dim, kernel: object, stride: object, padding: object, dilation: object, ceil_mode: object = False
) -> Dim:
    """How many windows fit along one dimension, by torch's ``pooling_output_shape``; may be <= 0."""
    ceil = truthy(ceil_mode)
    if ceil is None:
        return UNKNOWN

    def count(length: int, kernel: int, stride: int, padding: int, dilation: int) -> int:
        span = length + 2 * padding - dilation * (kernel - 1) - 1
        out = (span + (stride - 1 if ceil else 0)) // stride + 1
        if ceil and (out - 1) * stride >= length + padding:
            out -= 1
        return out

    return arith(count, length, kernel, stride, padding, dilation)


def require_windows(size: Dim, layer: str, length: Dim) -> Dim:
    """Reject a window count below one: the input is too small for the kernel."""
    if isinstance(size, int) and size < 1:
        raise ShapeError(
            f"{layer}: input size {length} is too small; the output size would be {size}", Problem.COLLAPSE
        )
    return size
