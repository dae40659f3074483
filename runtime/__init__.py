"""shapelint.runtime: numpy layers whose input sizes come from propagated shapes.

``Sequential(Conv2d(6, 5), ReLU(), Flatten(), Linear(10), input_shape=(1, 28, 28))``
takes every ``in_channels``/``in_features`` from the shape rules of
:mod:`shapelint.catalog`, the same rules the linter checks models with.
Each family module lists its layers in ``__all__``; all of them are exported here.
"""

from shapelint.runtime import (
    activation,
    bag,
    basic,
    conv,
    lazy,
    norm,
    ops,
    padding,
    pool,
    recurrent,
    transformer,
    upsample,
)
from shapelint.runtime.activation import *  # noqa: F403
from shapelint.runtime.bag import *  # noqa: F403
from shapelint.runtime.basic import *  # noqa: F403
from shapelint.runtime.conv import *  # noqa: F403
from shapelint.runtime.graph import Model
from shapelint.runtime.layer import Layer
from shapelint.runtime.lazy import *  # noqa: F403
from shapelint.runtime.module import LayerError, Module
from shapelint.runtime.norm import *  # noqa: F403
from shapelint.runtime.ops import *  # noqa: F403
from shapelint.runtime.padding import *  # noqa: F403
from shapelint.runtime.pool import *  # noqa: F403
from shapelint.runtime.recurrent import *  # noqa: F403
from shapelint.runtime.sequential import Sequential
from shapelint.runtime.state import StateDictError
from shapelint.runtime.symbolic import Input, SymbolicTensor
from shapelint.runtime.transformer import *  # noqa: F403
from shapelint.runtime.upsample import *  # noqa: F403

from shapelint.catalog import ShapeError

__all__ = ["Layer", "LayerError", "Module", "Sequential", "ShapeError", "StateDictError"]
__all__ += ["Input", "Model", "SymbolicTensor"]
__all__ += activation.__all__
__all__ += bag.__all__
__all__ += basic.__all__
__all__ += conv.__all__
__all__ += lazy.__all__
__all__ += norm.__all__
__all__ += ops.__all__
__all__ += padding.__all__
__all__ += pool.__all__
__all__ += recurrent.__all__
__all__ += transformer.__all__
__all__ += upsample.__all__
