"""EmbeddingBag: sums, means or maxima of embedding rows over bags of indices.

A 2-D input holds one bag a row, the case the catalog's rule describes; a 1-D
input needs ``offsets``, and is read by the same rule as a 2-D input with one
row a bag.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from shapelint.runtime.init import standard_normal
from shapelint.runtime.layer import Layer
from shapelint.runtime.spec import Init

from shapelint.catalog import Problem, ShapeError
from shapelint.dims import DType, Shape

__all__ = ["EmbeddingBag"]


class EmbeddingBag(Layer):
    """``forward(input, offsets=None, per_sample_weights=None)``, as torch's; rows at ``padding_idx`` are left out."""

    accepts = "i"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for name in ("max_norm", "_weight"):
            if self.given.get(name) is not None:
                raise ValueError(f"EmbeddingBag: {name} is not supported by the runtime")

    def initial(self, name: str, shapes: Mapping[str, tuple[int, ...]]) -> Init:
        return standard_normal(self._padding_row())

    def _padding_row(self) -> int | None:
        index = self.arg("padding_idx")
        return None if index is None else index % self.arg("num_embeddings")

    def run(self, x: np.ndarray, *inputs: object, **keywords: object) -> Any:
        return self.bag(x, *inputs, **keywords)

    def bag(self, x: np.ndarray, offsets: object = None, per_sample_weights: object = None) -> np.ndarray:
        indices = np.asarray(x)
        if indices.ndim == 1:
            if offsets is None:
                raise ValueError(f"{self!r}: a 1-D input needs offsets, a 1-D array of where each bag starts")
            bags = self._bags_from(np.asarray(offsets), len(indices))
            out = self.kind.infer(self.args, Shape((len(bags) - 1, len(indices)), dtype=_dtype(indices))).dims
        else:
            if offsets is not None:
                raise ValueError(f"{self!r}: offsets must be None for a 2-D input, whose rows are the bags")
            out = self._output_for(indices)
            if indices.shape[-1] == 0:
                raise ValueError(f"{self!r}: a 2-D input needs bags of at least one index, as torch does")
            bags = np.arange(indices.shape[0] + 1) * indices.shape[-1]
        weights = self._sample_weights(per_sample_weights, indices.shape)
        return self._reduce(indices.reshape(-1), bags, weights, tuple(out))  # type: ignore[arg-type]

    def _bags_from(self, offsets: np.ndarray, count: int) -> np.ndarray:
        """Each bag's start, then the end of the last: torch's offsets, with or without ``include_last_offset``."""
        if offsets.ndim != 1 or offsets.dtype.kind not in "iu":
            raise ValueError(f"{self!r}: offsets must be a 1-D integer array, got shape {offsets.shape}")
        bounds = offsets if self.arg("include_last_offset") else np.append(offsets, count)
        if len(bounds) < 1 or (len(offsets) and offsets[0] != 0) or np.any(np.diff(bounds) < 0) or bounds[-1] > count:
            raise ValueError(f"{self!r}: offsets must start at 0 and rise within the input's {count} indices")
        return bounds

    def _sample_weights(self, given: object, shape: tuple[int, ...]) -> np.ndarray | None:
        if given is None:
            return None
        if self.arg("mode") != "sum":
            raise NotImplementedError(f"{self!r}: per_sample_weights needs mode='sum', as in torch")
        weights = np.asarray(given, dtype=self.dtype)
        if weights.shape != shape:
            raise ShapeError(f"{self!r}: per_sample_weights must have the input's shape {shape}", Problem.SIZE)
        return weights.reshape(-1)

    def _reduce(
        self, flat: np.ndarray, bounds: np.ndarray, weights: np.ndarray | None, out: tuple[int, ...]
    ) -> np.ndarray:
        count: int = self.arg("num_embeddings")
        if flat.size and (flat.min() < 0 or flat.max() >= count):
            raise IndexError(f"{self!r}: indices must lie in [0, {count}), got values in [{flat.min()}, {flat.max()}]")
        owner = np.repeat(np.arange(len(bounds) - 1), np.diff(bounds))
        kept = np.ones(len(owner), bool) if self._padding_row() is None else flat[: len(owner)] != self._padding_row()
        rows = self.tensor_at("weight")[flat[: len(owner)][kept]]
        owner = owner[kept]
        result = np.zeros(out, self.dtype)
        mode = self.arg("mode")
        if mode == "max":
            result[np.unique(owner)] = -np.inf
            np.maximum.at(result, owner, rows)
            return result
        if weights is not None:
            rows = rows * weights[: len(kept)][kept][:, None]
        np.add.at(result, owner, rows)
        if mode == "mean":
            sizes = np.bincount(owner, minlength=out[0])
            result /= np.maximum(sizes, 1)[:, None]
        return result


def _dtype(indices: np.ndarray) -> DType:
    return "int" if indices.dtype.kind in "iu" else "float"
