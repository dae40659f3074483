"""Elementwise activations and softmax, with PyTorch's formulas."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
from shapelint.runtime.init import constant
from shapelint.runtime.layer import Layer
from shapelint.runtime.spec import Init

__all__ = [
    "CELU",
    "ELU",
    "GELU",
    "GLU",
    "SELU",
    "Hardshrink",
    "Hardsigmoid",
    "Hardswish",
    "Hardtanh",
    "LeakyReLU",
    "LogSigmoid",
    "LogSoftmax",
    "Mish",
    "PReLU",
    "RReLU",
    "ReLU",
    "ReLU6",
    "SiLU",
    "Sigmoid",
    "Softmax",
    "Softmax2d",
    "Softmin",
    "Softplus",
    "Softshrink",
    "Softsign",
    "Tanh",
    "Tanhshrink",
    "Threshold",
]


def erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz and Stegun 7.1.26 (error below 1.5e-7): numpy has no erf."""
    t = 1.0 / (1.0 + 0.3275911 * np.abs(x))
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return np.sign(x) * (1.0 - poly * np.exp(-x * x))


def gelu(x: np.ndarray) -> np.ndarray:
    """The exact GELU, ``x * Phi(x)``, also the Transformer layers' ``activation="gelu"``."""
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def softplus(x: np.ndarray, beta: float = 1.0, threshold: float = 20.0) -> np.ndarray:
    scaled = beta * x
    return np.where(scaled > threshold, x, np.logaddexp(0.0, scaled) / beta)


class _Elementwise(Layer):
    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        return self.apply(x).astype(x.dtype, copy=False)

    def apply(self, x: np.ndarray) -> np.ndarray:
        raise NotImplementedError


class ReLU(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return np.maximum(x, 0)


class ReLU6(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return np.clip(x, 0, 6)


class LeakyReLU(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return np.where(x >= 0, x, x * self.arg("negative_slope"))


class ELU(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return np.where(x > 0, x, self.arg("alpha") * np.expm1(np.minimum(x, 0)))


class CELU(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        alpha: float = self.arg("alpha")
        return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0) / alpha))


class SELU(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        alpha, scale = 1.6732632423543772, 1.0507009873554805
        return scale * np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0)))


class GELU(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        if self.arg("approximate") == "tanh":
            return 0.5 * x * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (x + 0.044715 * x**3)))
        return gelu(x)


class Sigmoid(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return sigmoid(x)


class Tanh(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return np.tanh(x)


class SiLU(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return x * sigmoid(x)


class Mish(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return x * np.tanh(softplus(x))


class Softplus(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return softplus(x, self.arg("beta"), self.arg("threshold"))


class Softsign(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return x / (1 + np.abs(x))


class Hardtanh(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return np.clip(x, self.arg("min_val"), self.arg("max_val"))


class Hardsigmoid(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return np.clip(x / 6 + 0.5, 0, 1)


class Hardswish(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return x * np.clip(x / 6 + 0.5, 0, 1)


class Tanhshrink(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return x - np.tanh(x)


class LogSigmoid(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return -np.logaddexp(0.0, -x)


class RReLU(_Elementwise):
    """In eval mode the random slope is fixed at the middle of its range."""

    def apply(self, x: np.ndarray) -> np.ndarray:
        slope = (self.arg("lower") + self.arg("upper")) / 2
        return np.where(x >= 0, x, x * slope)


class Threshold(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return np.where(x > self.arg("threshold"), x, self.arg("value"))


class Hardshrink(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return np.where(np.abs(x) > self.arg("lambd"), x, 0)


class Softshrink(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        lambd: float = self.arg("lambd")
        return np.sign(x) * np.maximum(np.abs(x) - lambd, 0)


class GLU(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        first, second = np.split(x, 2, axis=self.arg("dim"))
        return first * sigmoid(second)


class PReLU(_Elementwise):
    def initial(self, name: str, shapes: Mapping[str, tuple[int, ...]]) -> Init:
        return constant(self.arg("init"))

    def apply(self, x: np.ndarray) -> np.ndarray:
        weight = self.tensor_at("weight")
        if weight.size > 1:
            weight = weight.reshape((-1,) + (1,) * (x.ndim - 2))
        return np.where(x >= 0, x, weight * x)


def _softmax_axis(dim: object, ndim: int) -> int:
    """PyTorch's legacy implicit dimension when ``dim`` is None."""
    if dim is None:
        return 0 if ndim in (0, 1, 3) else 1
    return dim  # type: ignore[return-value]


def softmax(x: np.ndarray, axis: int) -> np.ndarray:
    shifted = np.exp(x - x.max(axis=axis, keepdims=True))
    return shifted / shifted.sum(axis=axis, keepdims=True)


class Softmax(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return softmax(x, _softmax_axis(self.arg("dim"), x.ndim))


class Softmin(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return softmax(-x, _softmax_axis(self.arg("dim"), x.ndim))


class Softmax2d(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        return softmax(x, -3)


class LogSoftmax(_Elementwise):
    def apply(self, x: np.ndarray) -> np.ndarray:
        axis = _softmax_axis(self.arg("dim"), x.ndim)
        shifted = x - x.max(axis=axis, keepdims=True)
        return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))
