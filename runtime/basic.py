"""Linear, Embedding and the layers that only reshape or pass data through."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from shapelint.runtime.init import standard_normal, uniform_fan, uniform_fan_in
from shapelint.runtime.layer import Layer
from shapelint.runtime.spec import Init

from shapelint.catalog import Problem, ShapeError

__all__ = [
    "AlphaDropout",
    "Bilinear",
    "ChannelShuffle",
    "Dropout",
    "Dropout1d",
    "Dropout2d",
    "Dropout3d",
    "Embedding",
    "FeatureAlphaDropout",
    "Flatten",
    "Identity",
    "Linear",
    "PixelShuffle",
    "PixelUnshuffle",
    "Unflatten",
]


class Linear(Layer):
    def initial(self, name: str, shapes: Mapping[str, tuple[int, ...]]) -> Init:
        return uniform_fan_in(shapes["weight"])

    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        y = x @ self.tensor_at("weight").T
        return y + self.tensor_at("bias") if self.arg("bias") else y


class Bilinear(Layer):
    """``forward(input1, input2)``: ``in1_features`` comes from the first input, ``in2_features`` is given."""

    def initial(self, name: str, shapes: Mapping[str, tuple[int, ...]]) -> Init:
        return uniform_fan(shapes["weight"][1])

    def call(self, x: np.ndarray, out: tuple[int, ...], inputs: tuple[object, ...], keywords: dict[str, object]) -> Any:
        return self.pair(x, *inputs, **keywords)

    def pair(self, input1: np.ndarray, input2: object) -> np.ndarray:
        second = np.asarray(input2, dtype=self.dtype)
        expected = input1.shape[:-1] + (self.arg("in2_features"),)
        if second.shape != expected:
            raise ShapeError(f"{self!r}: input2 must have shape {expected}, got {second.shape}", Problem.SIZE)
        y = np.einsum("...i,kij,...j->...k", input1, self.tensor_at("weight"), second)
        return y + self.tensor_at("bias") if self.arg("bias") else y


class Embedding(Layer):
    accepts = "i"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for name in ("max_norm", "_weight", "_freeze"):
            if self.given.get(name) not in (None, False):
                raise ValueError(f"Embedding: {name} is not supported by the runtime")

    def _padding_row(self) -> int | None:
        index = self.arg("padding_idx")
        return None if index is None else index % self.arg("num_embeddings")

    def initial(self, name: str, shapes: Mapping[str, tuple[int, ...]]) -> Init:
        return standard_normal(self._padding_row())

    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        count: int = self.arg("num_embeddings")
        if x.size and (x.min() < 0 or x.max() >= count):
            raise IndexError(f"{self!r}: indices must lie in [0, {count}), got values in [{x.min()}, {x.max()}]")
        return self.tensor_at("weight")[x]


class _Reshape(Layer):
    """Layers whose output is the input laid out as the catalog's output shape."""

    accepts = "any"

    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        return x.reshape(out)


class Identity(_Reshape):
    pass


class Flatten(_Reshape):
    pass


class Unflatten(_Reshape):
    pass

class _Dropout(Layer):
    """Identity: the runtime is inference only, so dropout is always in eval mode."""

    accepts = "any"

    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        return x


class Dropout(_Dropout):
    pass


class Dropout1d(_Dropout):
    pass


class Dropout2d(_Dropout):
    pass


class Dropout3d(_Dropout):
    pass


class AlphaDropout(_Dropout):
    pass


class FeatureAlphaDropout(_Dropout):
    pass


class PixelShuffle(Layer):
    accepts = "any"

    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        r: int = self.arg("upscale_factor")
        *lead, channels, height, width = x.shape
        y = x.reshape(*lead, channels // (r * r), r, r, height, width)
        return np.moveaxis(y, (-4, -3), (-3, -1)).reshape(out)


class PixelUnshuffle(Layer):
    accepts = "any"

    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        r: int = self.arg("downscale_factor")
        *lead, channels, height, width = x.shape
        y = x.reshape(*lead, channels, height // r, r, width // r, r)
        return np.moveaxis(y, (-3, -1), (-4, -3)).reshape(out)


class ChannelShuffle(Layer):
    accepts = "any"

    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        groups: int = self.arg("groups")
        y = x.reshape(x.shape[0], groups, x.shape[1] // groups, *x.shape[2:])
        return y.swapaxes(1, 2).reshape(out)
