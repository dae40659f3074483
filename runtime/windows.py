"""Padding and kernel taps: the im2col that convolutions use and the views pools fold.

Sizes of outputs are never computed here; callers pass the output shape the
catalog gave, and the views are cut to it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Sequence

import numpy as np

from shapelint.catalog import expand

Pairs = tuple[tuple[int, int], ...]

PAD_MODES = {"zeros": "constant", "reflect": "reflect", "replicate": "edge", "circular": "wrap"}


def padding_pairs(padding: object, kernel: Sequence[int], dilation: Sequence[int]) -> Pairs:
    """``(before, after)`` per spatial axis, for an int, a tuple, ``"valid"`` or ``"same"``."""
    if padding == "valid":
        return tuple((0, 0) for _ in kernel)
    if padding == "same":
        totals = [d * (k - 1) for k, d in zip(kernel, dilation)]
        return tuple((total // 2, total - total // 2) for total in totals)
    return tuple((p, p) for p in expand(padding, len(kernel), "padding"))


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


def as_planes(x: np.ndarray, spatial: int) -> np.ndarray:
    """Fold every leading axis into one, so batched and unbatched inputs look like (planes, 1, *spatial)."""
    lead, planes = x.shape[: x.ndim - spatial], x.shape[x.ndim - spatial :]
    return x.reshape((math.prod(lead), 1) + planes)


def taps(
    x: np.ndarray, kernel: Sequence[int], stride: Sequence[int], dilation: Sequence[int], out: Sequence[int]
) -> Iterator[np.ndarray]:
    """For each kernel position, the strided view ``(N, C, *out)`` of the (padded) ``x`` it sees.

    Looping over the few kernel taps, never over pixels, keeps every step a
    whole-array numpy operation on regular strides.
    """
    lead = (slice(None), slice(None))
    for offsets in itertools.product(*(range(k) for k in kernel)):
        starts = [i * d for i, d in zip(offsets, dilation)]
        yield x[lead + tuple(slice(a, a + (o - 1) * s + 1, s) for a, o, s in zip(starts, out, stride))]


def im2col(
    x: np.ndarray, kernel: Sequence[int], stride: Sequence[int], dilation: Sequence[int], out: Sequence[int]
) -> np.ndarray:
    """The ``(N, C * prod(kernel), prod(out))`` matrix whose product with a flat weight is a convolution."""
    cols = np.stack(list(taps(x, kernel, stride, dilation, out)), axis=2)
    return cols.reshape(x.shape[0], -1, math.prod(out))


def fit(
    x: np.ndarray, kernel: Sequence[int], stride: Sequence[int], dilation: Sequence[int], out: Sequence[int]
) -> Pairs:
    """Extra right padding so that ``out`` windows fit (pooling's ``ceil_mode``)."""
    pairs = []
    for i, (k, s, d, o) in enumerate(zip(kernel, stride, dilation, out)):
        needed = (o - 1) * s + d * (k - 1) + 1
        pairs.append((0, max(needed - x.shape[2 + i], 0)))
    return tuple(pairs)
