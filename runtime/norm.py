"""Normalization layers in evaluation mode: BatchNorm (running statistics), LayerNorm, GroupNorm."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

import numpy as np
from shapelint.runtime.init import constant
from shapelint.runtime.layer import Layer
from shapelint.runtime.spec import Init

__all__ = [
    "BatchNorm1d",
    "BatchNorm2d",
    "BatchNorm3d",
    "GroupNorm",
    "InstanceNorm1d",
    "InstanceNorm2d",
    "InstanceNorm3d",
    "LayerNorm",
    "LocalResponseNorm",
    "RMSNorm",
]

_INITIAL = {
    "weight": constant(1.0),
    "bias": constant(0.0),
    "running_mean": constant(0.0),
    "running_var": constant(1.0),
    "num_batches_tracked": constant(0),
}


def _normalize(x: np.ndarray, mean: np.ndarray, var: np.ndarray, eps: float) -> np.ndarray:
    return (x - mean) / np.sqrt(var + eps)


def _standardize(x: np.ndarray, axes: tuple[int, ...], eps: float) -> np.ndarray:
    """Normalize with the statistics of ``x`` itself over ``axes`` (biased variance, as torch)."""
    return _normalize(x, x.mean(axis=axes, keepdims=True), x.var(axis=axes, keepdims=True), eps)


class _Normalization(Layer):
    """Affine weights start at one and biases at zero; running statistics at mean 0, variance 1."""

    def initial(self, name: str, shapes: Mapping[str, tuple[int, ...]]) -> Init:
        return _INITIAL[name]


class _BatchNorm(_Normalization):
    tensor_dtypes: ClassVar[dict[str, np.dtype]] = {"num_batches_tracked": np.dtype(np.int64)}

    def layout(self, x: np.ndarray) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The broadcast shape of per-channel tensors, and the axes batch statistics span."""
        return (1, -1) + (1,) * (x.ndim - 2), (0,) + tuple(range(2, x.ndim))

    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        """Without running statistics, eval mode normalizes with the input's own, as torch does."""
        shape, axes = self.layout(x)
        if self.arg("track_running_stats"):
            mean, var = self.tensor_at("running_mean").reshape(shape), self.tensor_at("running_var").reshape(shape)
            y = _normalize(x, mean, var, self.arg("eps"))
        else:
            y = _standardize(x, axes, self.arg("eps"))
        if self.arg("affine"):
            y = y * self.tensor_at("weight").reshape(shape) + self.tensor_at("bias").reshape(shape)
        return y.astype(x.dtype, copy=False)


class BatchNorm1d(_BatchNorm):
    pass


class BatchNorm2d(_BatchNorm):
    pass


class BatchNorm3d(_BatchNorm):
    pass


class _InstanceNorm(_BatchNorm):
    """Each sample and channel normalized over its own positions, unless running statistics are kept."""

    spatial: ClassVar[int]

    def layout(self, x: np.ndarray) -> tuple[tuple[int, ...], tuple[int, ...]]:
        return (-1,) + (1,) * self.spatial, tuple(range(-self.spatial, 0))


class InstanceNorm1d(_InstanceNorm):
    spatial = 1


class InstanceNorm2d(_InstanceNorm):
    spatial = 2


class InstanceNorm3d(_InstanceNorm):
    spatial = 3


class LayerNorm(_Normalization):
    """``LayerNorm()`` normalizes the last dimension, as Keras's ``LayerNormalization()`` does (the catalog's
    placeholder for an inferred ``normalized_shape``)."""

    def _normalized(self) -> tuple[int, ...]:
        value = self.arg("normalized_shape")
        return (value,) if isinstance(value, int) else tuple(value)

    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        axes = tuple(range(-len(self._normalized()), 0))
        y = _standardize(x, axes, self.arg("eps"))
        if self.arg("elementwise_affine"):
            y = y * self.tensor_at("weight")
            if self.args.get("bias", True):
                y = y + self.tensor_at("bias")
        return y.astype(x.dtype, copy=False)


class GroupNorm(_Normalization):
    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        groups: int = self.arg("num_groups")
        grouped = x.reshape(x.shape[0], groups, -1)
        y = _standardize(grouped, (-1,), self.arg("eps")).reshape(x.shape)
        if self.arg("affine"):
            shape = (1, -1) + (1,) * (x.ndim - 2)
            y = y * self.tensor_at("weight").reshape(shape) + self.tensor_at("bias").reshape(shape)
        return y.astype(x.dtype, copy=False)


class RMSNorm(LayerNorm):
    """``eps=None`` means the dtype's machine epsilon, as in PyTorch."""

    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        axes = tuple(range(-len(self._normalized()), 0))
        eps = self.arg("eps")
        eps = np.finfo(x.dtype).eps if eps is None else eps
        y = x / np.sqrt((x * x).mean(axis=axes, keepdims=True) + eps)
        if self.arg("elementwise_affine"):
            y = y * self.tensor_at("weight")
        return y.astype(x.dtype, copy=False)


class LocalResponseNorm(Layer):
    """Each channel divided by a power of the mean square over its ``size`` neighbouring channels."""

    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        size: int = self.arg("size")
        squares = np.moveaxis(x.astype(np.float64) ** 2, 1, -1)
        padded = np.pad(squares, [(0, 0)] * (squares.ndim - 1) + [(size // 2, (size - 1) // 2)])
        sums = np.cumsum(np.concatenate([np.zeros_like(padded[..., :1]), padded], axis=-1), axis=-1)
        window = np.moveaxis(sums[..., size:] - sums[..., :-size], -1, 1) / size
        scale = (window * self.arg("alpha") + self.arg("k")) ** self.arg("beta")
        return (x / scale).astype(x.dtype, copy=False)
