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
    fan_in = math.prod(weight[1:])
    bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0.0

    def draw(rng: np.random.Generator, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
        sample = rng.random(shape, dtype=dtype if dtype in _NATIVE else np.float64)
        sample *= 2 * bound
        sample -= bound
        return sample.astype(dtype, copy=False)

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
