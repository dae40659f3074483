"""Upsample and its fixed-mode aliases: nearest and (bi/tri)linear, one spatial axis at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import numpy as np
from shapelint.runtime.layer import Layer

__all__ = ["Upsample", "UpsamplingBilinear2d", "UpsamplingNearest2d"]

SUPPORTED = ("nearest", "nearest-exact", "linear", "bilinear", "trilinear")

Resample = Callable[[np.ndarray, int, int, float], np.ndarray]


def _nearest(x: np.ndarray, axis: int, size: int, scale: float) -> np.ndarray:
    source = np.floor(np.arange(size) * scale).astype(np.int64)
    return np.take(x, np.minimum(source, x.shape[axis] - 1), axis=axis)


def _nearest_exact(x: np.ndarray, axis: int, size: int, scale: float) -> np.ndarray:
    source = np.floor((np.arange(size) + 0.5) * scale).astype(np.int64)
    return np.take(x, np.minimum(source, x.shape[axis] - 1), axis=axis)


def _linear(align_corners: bool) -> Resample:
    """Interpolate between the two neighbours of each source position, as ``F.interpolate`` does."""

    def resample(x: np.ndarray, axis: int, size: int, scale: float) -> np.ndarray:
        position = np.arange(size, dtype=np.float64)
        source = position * scale if align_corners else np.maximum((position + 0.5) * scale - 0.5, 0.0)
        low = np.minimum(np.floor(source).astype(np.int64), x.shape[axis] - 1)
        high = np.minimum(low + 1, x.shape[axis] - 1)
        weight = (source - low).reshape((-1,) + (1,) * (x.ndim - axis - 1))
        below, above = np.take(x, low, axis=axis), np.take(x, high, axis=axis)
        return below + (above - below) * weight

    return resample


class Upsample(Layer):
    fixed: ClassVar[tuple[str, bool] | None] = None

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        mode = self._mode()[0]
        if mode not in SUPPORTED:
            raise ValueError(f"{self.kind.name}: mode {mode!r} is not supported by the runtime, only {SUPPORTED}")

    def _mode(self) -> tuple[str, bool]:
        """The interpolation mode and ``align_corners``; the aliases fix both."""
        return self.fixed or (self.arg("mode"), bool(self.arg("align_corners")))

    def _resample(self) -> Resample:
        mode, align_corners = self._mode()
        if mode == "nearest":
            return _nearest
        if mode == "nearest-exact":
            return _nearest_exact
        return _linear(align_corners)

    def _scale(self, index: int, count: int, length: int, size: int) -> float:
        """Source positions per output position, by PyTorch's rule for this mode and these arguments."""
        mode, align_corners = self._mode()
        if mode not in ("nearest", "nearest-exact") and align_corners:
            return (length - 1) / (size - 1) if size > 1 else 0.0
        factor = self.arg("scale_factor")
        if factor and not self.args.get("recompute_scale_factor"):
            factors = factor if isinstance(factor, (tuple, list)) else (factor,) * count
            return 1.0 / float(factors[index])
        return length / size

    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        resample, sizes = self._resample(), out[2:]
        for index, size in enumerate(sizes):
            axis = 2 + index
            x = resample(x, axis, size, self._scale(index, len(sizes), x.shape[axis], size))
        return x.astype(self.dtype, copy=False)


class UpsamplingNearest2d(Upsample):
    fixed = ("nearest", False)


class UpsamplingBilinear2d(Upsample):
    fixed = ("bilinear", True)
