"""Max, average and adaptive pooling, batched or not, folded over kernel taps."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

import numpy as np
from shapelint.runtime.layer import Layer
from shapelint.runtime.windows import as_planes, fit, pad, taps

from shapelint.catalog import expand

__all__ = [
    "AdaptiveAvgPool1d",
    "AdaptiveAvgPool2d",
    "AdaptiveAvgPool3d",
    "AdaptiveMaxPool1d",
    "AdaptiveMaxPool2d",
    "AdaptiveMaxPool3d",
    "AvgPool1d",
    "AvgPool2d",
    "AvgPool3d",
    "MaxPool1d",
    "MaxPool2d",
    "MaxPool3d",
]


def _reduce(combine: np.ufunc, views: Iterator[np.ndarray]) -> np.ndarray:
    """Fold the kernel taps into one fresh array with ``combine`` (max or add)."""
    result = next(views).copy()
    for view in views:
        combine(result, view, out=result)
    return result


class _Pool(Layer):
    spatial: ClassVar[int]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if self.given.get("return_indices"):
            raise ValueError(f"{self.kind.name}: return_indices=True is not supported by the runtime")

    def _tuple(self, name: str, default: object = 1) -> tuple[int, ...]:
        value = self.args.get(name, default)
        if value is None:
            value = self.arg("kernel_size")
        return expand(value, self.spatial, name)

    def _geometry(self) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
        return self._tuple("kernel_size"), self._tuple("stride"), self._tuple("padding", 0), self._tuple("dilation")


class _MaxPool(_Pool):
    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        kernel, stride, padding, dilation = self._geometry()
        planes = pad(as_planes(x, self.spatial), tuple((p, p) for p in padding), value=-np.inf)
        target = out[-self.spatial :]
        planes = pad(planes, fit(planes, kernel, stride, dilation, target), value=-np.inf)
        return _reduce(np.maximum, taps(planes, kernel, stride, dilation, target)).reshape(out)


class _AvgPool(_Pool):
    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        kernel, stride, padding, dilation = self._geometry()
        target = out[-self.spatial :]
        pairs = tuple((p, p) for p in padding)
        planes = pad(as_planes(x, self.spatial), pairs)
        extra = fit(planes, kernel, stride, dilation, target)
        sums = _reduce(np.add, taps(pad(planes, extra), kernel, stride, dilation, target))
        divisor = self._divisor(x.shape[-self.spatial :], pairs, extra, target)
        return (sums / divisor).astype(x.dtype, copy=False).reshape(out)

    def _divisor(self, size: Sequence[int], pairs: tuple, extra: tuple, target: Sequence[int]) -> np.ndarray | float:
        """How many positions each window averages over, by PyTorch's rule."""
        override = self.args.get("divisor_override")
        if override:
            return float(override)  # type: ignore[arg-type]
        kernel, stride, _, dilation = self._geometry()
        padded = pad(np.ones((1, 1) + tuple(size)), pairs, value=1.0 if self.arg("count_include_pad") else 0.0)
        mask = pad(padded, extra)
        return _reduce(np.add, taps(mask, kernel, stride, dilation, target))[0, 0]


class _AdaptiveAvgPool(Layer):
    spatial: ClassVar[int]

    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        """Average each output cell's [floor(i*S/O), ceil((i+1)*S/O)) span, one axis at a time."""
        dtype = x.dtype
        for axis, target in zip(range(x.ndim - self.spatial, x.ndim), out[-self.spatial :]):
            size = x.shape[axis]
            index = np.arange(target)
            start, stop = (index * size) // target, -((-(index + 1) * size) // target)
            sums = np.cumsum(x, axis=axis, dtype=np.float64)
            sums = np.concatenate([np.zeros_like(np.take(sums, [0], axis=axis)), sums], axis=axis)
            span = (stop - start).reshape((-1,) + (1,) * (x.ndim - axis - 1))
            x = (np.take(sums, stop, axis=axis) - np.take(sums, start, axis=axis)) / span
        return x.astype(dtype, copy=False)


class MaxPool1d(_MaxPool):
    spatial = 1


class MaxPool2d(_MaxPool):
    spatial = 2


class MaxPool3d(_MaxPool):
    spatial = 3


class AvgPool1d(_AvgPool):
    spatial = 1


class AvgPool2d(_AvgPool):
    spatial = 2


class AvgPool3d(_AvgPool):
    spatial = 3


class AdaptiveAvgPool1d(_AdaptiveAvgPool):
    spatial = 1


class AdaptiveAvgPool2d(_AdaptiveAvgPool):
    spatial = 2


class AdaptiveAvgPool3d(_AdaptiveAvgPool):
    spatial = 3


class _AdaptiveMaxPool(_Pool):
    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        """Max over each output cell's span, one axis at a time; short spans repeat their last index."""
        for axis, target in zip(range(x.ndim - self.spatial, x.ndim), out[-self.spatial :]):
            size = x.shape[axis]
            index = np.arange(target)
            start, stop = (index * size) // target, -((-(index + 1) * size) // target)
            width = int((stop - start).max(initial=1))
            spans = np.minimum(start[:, None] + np.arange(width), stop[:, None] - 1)
            x = np.take(x, spans, axis=axis).max(axis=axis + 1)
        return x


class AdaptiveMaxPool1d(_AdaptiveMaxPool):
    spatial = 1


class AdaptiveMaxPool2d(_AdaptiveMaxPool):
    spatial = 2


class AdaptiveMaxPool3d(_AdaptiveMaxPool):
    spatial = 3
