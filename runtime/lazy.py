"""torch's Lazy* layers: every runtime layer infers its input size, so each is its eager twin under torch's Lazy
signature (no input-size argument; LazyInstanceNorm's affine running-statistics defaults).

Their tensors are the twin's, as torch's are once a Lazy module has materialised.
"""

from __future__ import annotations

from shapelint.runtime.basic import Linear
from shapelint.runtime.conv import Conv1d, Conv2d, Conv3d, ConvTranspose1d, ConvTranspose2d, ConvTranspose3d
from shapelint.runtime.layer import Layer, kind_named
from shapelint.runtime.norm import BatchNorm1d, BatchNorm2d, BatchNorm3d, InstanceNorm1d, InstanceNorm2d, InstanceNorm3d

__all__ = [
    "LazyBatchNorm1d",
    "LazyBatchNorm2d",
    "LazyBatchNorm3d",
    "LazyConv1d",
    "LazyConv2d",
    "LazyConv3d",
    "LazyConvTranspose1d",
    "LazyConvTranspose2d",
    "LazyConvTranspose3d",
    "LazyInstanceNorm1d",
    "LazyInstanceNorm2d",
    "LazyInstanceNorm3d",
    "LazyLinear",
]


class _Lazy(Layer):
    """Binds torch's Lazy signature (the catalog's Lazy kind), then builds as the twin's kind (``kind_name``)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        bound = kind_named(type(self).__name__).bind(args, kwargs)
        super().__init__(**bound)


class LazyLinear(_Lazy, Linear):
    kind_name = "Linear"


class LazyConv1d(_Lazy, Conv1d):
    kind_name = "Conv1d"


class LazyConv2d(_Lazy, Conv2d):
    kind_name = "Conv2d"


class LazyConv3d(_Lazy, Conv3d):
    kind_name = "Conv3d"


class LazyConvTranspose1d(_Lazy, ConvTranspose1d):
    kind_name = "ConvTranspose1d"


class LazyConvTranspose2d(_Lazy, ConvTranspose2d):
    kind_name = "ConvTranspose2d"


class LazyConvTranspose3d(_Lazy, ConvTranspose3d):
    kind_name = "ConvTranspose3d"


class LazyBatchNorm1d(_Lazy, BatchNorm1d):
    kind_name = "BatchNorm1d"


class LazyBatchNorm2d(_Lazy, BatchNorm2d):
    kind_name = "BatchNorm2d"


class LazyBatchNorm3d(_Lazy, BatchNorm3d):
    kind_name = "BatchNorm3d"


class LazyInstanceNorm1d(_Lazy, InstanceNorm1d):
    kind_name = "InstanceNorm1d"


class LazyInstanceNorm2d(_Lazy, InstanceNorm2d):
    kind_name = "InstanceNorm2d"


class LazyInstanceNorm3d(_Lazy, InstanceNorm3d):
    kind_name = "InstanceNorm3d"
