"""Padding and strided window views: the im2col that convolutions and pools share.

Sizes of outputs are never computed here; callers pass the output shape the
catalog gave, and the views are cut to it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from shapelint.catalog.base import expand

Pairs = tuple[tuple[int, int], ...]

PAD_MODES = {"zeros": "constant", "reflect": "reflect", "replicate": "edge", "circular": "wrap"}


def padding_pairs(padding: object, kernel: Sequence[int], dilation: Sequence[int]) -> Pairs:
    """``(before, after)`` per spatial axis, for an int, a tuple, ``"valid"`` or ``"same"``."""
    if padding == "valid":
        return tuple((0, 0) for _ in kernel)
    if padding == "same":
        totals = [d * (k - 1) for k, d in zip(kernel, dilation)]
        return tuple((total // 2, total - total // 2) for total in totals)
    return tuple((p, p) for p in expand(padding, len(kernel), "padding"))  # type: ignore[misc]


def pad(x: np.ndarray, pairs: Pairs, mode: str = "zeros", value: float = 0.0) -> np.ndarray:
    """Pad (or, for negative amounts, crop) the trailing spatial axes of ``x``."""
    if not any(any(pair) for pair in pairs):
        return x
    crop = tuple(slice(max(-a, 0), x.shape[2 + i] - max(-b, 0)) for i, (a, b) in enumerate(pairs))
    x = x[(slice(None), slice(None)) + crop]
    widths = ((0, 0), (0, 0)) + tuple((max(a, 0), max(b, 0)) for a, b in pairs)
    if mode == "zeros":
        return np.pad(x, widths, mode="constant", constant_values=value)
    return np.pad(x, widths, mode=PAD_MODES[mode])  # type: ignore[call-overload]


def windows(
    x: np.ndarray, kernel: Sequence[int], stride: Sequence[int], dilation: Sequence[int], out: Sequence[int]
) -> np.ndarray:
    """A view ``(N, C, *out, *kernel)`` of the windows of ``x`` (already padded)."""
    spatial = len(kernel)
    extent = tuple(d * (k - 1) + 1 for k, d in zip(kernel, dilation))
    view = sliding_window_view(x, extent, axis=tuple(range(2, 2 + spatial)))
    positions = tuple(slice(0, (o - 1) * s + 1, s) for o, s in zip(out, stride))
    taps = tuple(slice(None, None, d) for d in dilation)
    return view[(slice(None), slice(None)) + positions + taps]


def fit(x: np.ndarray, kernel: Sequence[int], stride: Sequence[int], dilation: Sequence[int], out: Sequence[int]) -> Pairs:
    """Extra right padding so that ``out`` windows fit (pooling's ``ceil_mode``)."""
    pairs = []
    for i, (k, s, d, o) in enumerate(zip(kernel, stride, dilation, out)):
        needed = (o - 1) * s + d * (k - 1) + 1
        pairs.append((0, max(needed - x.shape[2 + i], 0)))
    return tuple(pairs)
