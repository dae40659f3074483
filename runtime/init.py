"""PyTorch's default initial distributions, drawn from a numpy Generator.

``kaiming_uniform_(a=sqrt(5))`` on a weight and PyTorch's bias rule both come
down to ``U(-1/sqrt(fan_in), 1/sqrt(fan_in))``.
"""

from __future__ import annotations

import math

import numpy as np
from shapelint.runtime.spec import Init

_NATIVE = (np.dtype(np.float32), np.dtype(np.float64))


def uniform_fan_in(weight: tuple[int, ...]) -> Init:
    """``U(-b, b)`` with ``b = 1/sqrt(fan_in)`` for Linear/Conv weights and biases.

    ``fan_in`` is the weight's size per output row, (transposed) convolutions included.
    """
    return uniform_fan(math.prod(weight[1:]))


def uniform_fan(fan_in: int) -> Init:
    """``U(-1/sqrt(fan_in), 1/sqrt(fan_in))``: recurrent layers draw all with ``fan_in = hidden_size``, Bilinear
    with ``in1_features``."""
    return uniform(1 / math.sqrt(fan_in) if fan_in > 0 else 0.0)


def uniform(bound: float) -> Init:
    """``U(-bound, bound)``."""

    def draw(rng: np.random.Generator, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
        sample = rng.random(shape, dtype=dtype if dtype in _NATIVE else np.float64)
        sample *= 2 * bound
        sample -= bound
        return sample.astype(dtype, copy=False)

    return draw


def _fans(shape: tuple[int, ...]) -> int:
    """``fan_in + fan_out`` as torch's xavier initialisers count them."""
    receptive = math.prod(shape[2:])
    return (shape[0] + shape[1]) * receptive


def xavier_uniform(weight: tuple[int, ...]) -> Init:
    """Attention's input projections."""
    fans = _fans(weight)
    return uniform(math.sqrt(6 / fans) if fans else 0.0)


def xavier_normal(weight: tuple[int, ...]) -> Init:
    """Attention's ``bias_k`` and ``bias_v``."""
    fans = _fans(weight)
    std = math.sqrt(2 / fans) if fans else 0.0

    def draw(rng: np.random.Generator, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
        return (rng.standard_normal(shape) * std).astype(dtype)

    return draw


def constant(value: float) -> Init:
    """Norm weights (1), biases and running means (0), PReLU slopes (0.25)."""

    def draw(rng: np.random.Generator, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
        return np.full(shape, value, dtype=dtype)

    return draw


def standard_normal(zero_row: int | None = None) -> Init:
    """Embedding weights: ``N(0, 1)``, with the padding row zeroed."""

    def draw(rng: np.random.Generator, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
        weight = rng.standard_normal(shape).astype(dtype)
        if zero_row is not None:
            weight[zero_row] = 0
        return weight

    return draw
