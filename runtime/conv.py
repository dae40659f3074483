"""Convolutions and transposed convolutions: window views contracted with the weight by BLAS."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

import numpy as np
from shapelint.runtime.init import uniform_fan_in
from shapelint.runtime.layer import Layer
from shapelint.runtime.spec import Init
from shapelint.runtime.windows import Pairs, im2col, pad, padding_pairs

from shapelint.catalog import expand

__all__ = ["Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d"]


def convolve(
    x: np.ndarray,
    weight: np.ndarray,
    bias: np.ndarray | None,
    stride: Sequence[int],
    pairs: Pairs,
    dilation: Sequence[int],
    groups: int,
    out: Sequence[int],
    mode: str = "zeros",
) -> np.ndarray:
    """Cross-correlation of ``x`` (N, C, *S) with ``weight`` (O, C/groups, *K): one batched matmul."""
    cols = im2col(pad(x, pairs, mode), weight.shape[2:], stride, dilation, out)
    batch, rows, positions = cols.shape
    grouped = cols.reshape(batch, groups, rows // groups, positions)
    y = np.matmul(weight.reshape(groups, weight.shape[0] // groups, -1), grouped)
    y = y.reshape(batch, weight.shape[0], positions)
    if bias is not None:
        y += bias[:, None]
    return y.reshape(batch, weight.shape[0], *out)


def transposed_as_conv(weight: np.ndarray, groups: int) -> np.ndarray:
    """The (O, C/groups, *K) flipped weight whose convolution equals the transposed one."""
    c_in, per_out = weight.shape[:2]
    kernel = weight.shape[2:]
    grouped = weight.reshape(groups, c_in // groups, per_out, *kernel).swapaxes(1, 2)
    flipped = grouped[(Ellipsis,) + (slice(None, None, -1),) * len(kernel)]
    return flipped.reshape(groups * per_out, c_in // groups, *kernel)


def dilate(x: np.ndarray, stride: Sequence[int]) -> np.ndarray:
    """Insert ``stride - 1`` zeros between neighbouring positions of each spatial axis."""
    if all(s == 1 for s in stride):
        return x
    sizes = tuple((n - 1) * s + 1 for n, s in zip(x.shape[2:], stride))
    y = np.zeros(x.shape[:2] + sizes, dtype=x.dtype)
    y[(slice(None), slice(None)) + tuple(slice(None, None, s) for s in stride)] = x
    return y


class _ConvBase(Layer):
    spatial: ClassVar[int]

    def _tuple(self, name: str) -> tuple[int, ...]:
        return expand(self.arg(name), self.spatial, name)

    def initial(self, name: str, shapes: Mapping[str, tuple[int, ...]]) -> Init:
        return uniform_fan_in(shapes["weight"])

    def _bias(self) -> np.ndarray | None:
        return self.tensor_at("bias") if self.arg("bias") else None

    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        """An unbatched ``(C, *S)`` input runs as a batch of one, as in torch."""
        if x.ndim == self.spatial + 1:
            return self.batched(x[None], out[-self.spatial :])[0]
        return self.batched(x, out[-self.spatial :])

    def batched(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        """The arithmetic on ``(N, C, *S)``, for the output's spatial sizes ``out``."""
        raise NotImplementedError


class _Conv(_ConvBase):
    def batched(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        kernel, dilation = self._tuple("kernel_size"), self._tuple("dilation")
        pairs = padding_pairs(self.arg("padding"), kernel, dilation)
        weight, stride, groups = self.tensor_at("weight"), self._tuple("stride"), self.arg("groups")
        return convolve(x, weight, self._bias(), stride, pairs, dilation, groups, out, self.arg("padding_mode"))


class _ConvTranspose(_ConvBase):
    def batched(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        """A stride-1 convolution of the zero-dilated input with the flipped, transposed weight."""
        kernel, dilation, stride = self._tuple("kernel_size"), self._tuple("dilation"), self._tuple("stride")
        padding, extra = self._tuple("padding"), self._tuple("output_padding")
        pairs = tuple((d * (k - 1) - p, d * (k - 1) - p + e) for k, d, p, e in zip(kernel, dilation, padding, extra))
        groups: int = self.arg("groups")
        weight = transposed_as_conv(self.tensor_at("weight"), groups)
        ones = (1,) * self.spatial
        return convolve(dilate(x, stride), weight, self._bias(), ones, pairs, dilation, groups, out)


class Conv1d(_Conv):
    spatial = 1


class Conv2d(_Conv):
    spatial = 2


class Conv3d(_Conv):
    spatial = 3


class ConvTranspose1d(_ConvTranspose):
    spatial = 1


class ConvTranspose2d(_ConvTranspose):
    spatial = 2


class ConvTranspose3d(_ConvTranspose):
    spatial = 3
