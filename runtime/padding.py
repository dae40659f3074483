"""The explicit padding layers (ZeroPad2d, ReflectionPad1d, ...), over the convolutions' pad helper."""

from __future__ import annotations

from typing import ClassVar

import numpy as np
from shapelint.runtime.layer import Layer
from shapelint.runtime.windows import as_planes, pad

from shapelint.catalog import side_pairs

__all__ = [
    "CircularPad1d",
    "CircularPad2d",
    "CircularPad3d",
    "ConstantPad1d",
    "ConstantPad2d",
    "ConstantPad3d",
    "ReflectionPad1d",
    "ReflectionPad2d",
    "ReflectionPad3d",
    "ReplicationPad1d",
    "ReplicationPad2d",
    "ReplicationPad3d",
    "ZeroPad1d",
    "ZeroPad2d",
    "ZeroPad3d",
]


class _Pad(Layer):
    """Pads as many trailing dimensions as the padding has pairs, whatever the class name says, as torch does.

    ConstantPad's ``value=None`` pads with zeros, as ``F.pad`` does.
    """

    spatial: ClassVar[int]
    mode: ClassVar[str]

    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        value = self.args.get("value")
        value = 0.0 if value is None else value
        pairs = side_pairs(self.arg("padding"), self.spatial)
        return pad(as_planes(x, len(pairs)), pairs, self.mode, value).reshape(out)  # type: ignore[arg-type]


class ZeroPad1d(_Pad):
    spatial, mode = 1, "zeros"


class ZeroPad2d(_Pad):
    spatial, mode = 2, "zeros"


class ZeroPad3d(_Pad):
    spatial, mode = 3, "zeros"


class ConstantPad1d(_Pad):
    spatial, mode = 1, "zeros"


class ConstantPad2d(_Pad):
    spatial, mode = 2, "zeros"


class ConstantPad3d(_Pad):
    spatial, mode = 3, "zeros"


class ReflectionPad1d(_Pad):
    spatial, mode = 1, "reflect"


class ReflectionPad2d(_Pad):
    spatial, mode = 2, "reflect"


class ReflectionPad3d(_Pad):
    spatial, mode = 3, "reflect"


class ReplicationPad1d(_Pad):
    spatial, mode = 1, "replicate"


class ReplicationPad2d(_Pad):
    spatial, mode = 2, "replicate"


class ReplicationPad3d(_Pad):
    spatial, mode = 3, "replicate"


class CircularPad1d(_Pad):
    spatial, mode = 1, "circular"


class CircularPad2d(_Pad):
    spatial, mode = 2, "circular"


class CircularPad3d(_Pad):
    spatial, mode = 3, "circular"
