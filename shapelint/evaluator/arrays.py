"""Tensors made from numpy arrays and by the legacy typed constructors.

GAN and tutorial code draws its latent vectors with numpy and converts them:
``Tensor(np.random.normal(0, 1, (imgs.shape[0], latent_dim)))``, where ``Tensor`` is ``torch.FloatTensor``
(or its CUDA twin). Arrays stay :class:`Array` values until converted, so no layer is ever checked against an
array that torch would refuse.
"""

from __future__ import annotations

import libcst as cst

from shapelint.dims import UNKNOWN, DType, Shape, Symbol, is_int
from shapelint.evaluator.values import Array, ModuleRef, Origin, Tensor

_SIZE_LAST = {"numpy.random.normal": 2, "numpy.random.uniform": 2, "numpy.random.randint": 2}
"""Sampling functions whose ``size`` comes after two distribution parameters."""
_SIZE_FIRST = frozenset({"numpy.zeros", "numpy.ones", "numpy.empty"})
_SIZES_SPREAD = frozenset({"numpy.random.randn", "numpy.random.rand"})
_INT_ARRAYS = frozenset({"numpy.random.randint"})

_CONVERTERS = frozenset({"torch.from_numpy", "torch.tensor", "torch.as_tensor", "torch.Tensor"})
_TYPED: dict[str, DType] = {
    "FloatTensor": "float",
    "DoubleTensor": "float",
    "HalfTensor": "float",
    "LongTensor": "int",
    "IntTensor": "int",
}
"""``torch.FloatTensor`` and friends, and the dtype of what they make."""


def typed_constructor(qualname: str) -> str:
    """``torch.cuda.FloatTensor`` is ``torch.FloatTensor`` as far as shapes go."""
    prefix, _, name = qualname.rpartition(".")
    return f"torch.{name}" if prefix == "torch.cuda" and name in _TYPED else qualname


def call(qualname: str, args: list[object], kwargs: dict[str, object], node: cst.CSTNode) -> object | None:
    """The array or tensor ``qualname(*args, **kwargs)`` makes, unknown when its size is, ``None`` when
    ``qualname`` is none of these."""
    if qualname in _SIZE_LAST or qualname in _SIZE_FIRST or qualname in _SIZES_SPREAD:
        shape = _shape(_requested_size(qualname, args, kwargs), "int" if qualname in _INT_ARRAYS else "float")
        return UNKNOWN if shape is None else Array(shape, Origin(qualname.replace("numpy.", "np."), node))
    name = qualname.rpartition(".")[2]
    if qualname not in _CONVERTERS and not (qualname == f"torch.{name}" and name in _TYPED):
        return None
    dtype = _TYPED.get(name)
    if len(args) == 1 and isinstance(args[0], Array) and not kwargs:
        array = args[0]
        return Tensor(array.shape.with_dtype(dtype or array.shape.dtype), Origin(qualname, node))
    if qualname == "torch.Tensor" or name in _TYPED:
        shape = _shape(args, dtype or "float") if args and not kwargs else None
        return Tensor(shape, Origin(qualname, node)) if shape is not None else UNKNOWN
    return UNKNOWN


def retyped(tensor: Tensor, target: object) -> object:
    """``x.type(torch.FloatTensor)``: the same shape; ``x.type()`` alone names the type, a string."""
    if not isinstance(target, ModuleRef):
        return Tensor(tensor.shape.with_dtype(None), tensor.origin)
    return Tensor(tensor.shape.with_dtype(_TYPED.get(target.qualname.rpartition(".")[2])), tensor.origin)


def _requested_size(qualname: str, args: list[object], kwargs: dict[str, object]) -> object:
    if qualname in _SIZES_SPREAD:
        return None if kwargs else tuple(args)
    if "size" in kwargs or "shape" in kwargs:
        return kwargs.get("size", kwargs.get("shape"))
    position = _SIZE_LAST.get(qualname, 0)
    return args[position] if len(args) > position else None


def _shape(size: object, dtype: DType) -> Shape | None:
    sizes = (size,) if is_int(size) else size
    if not isinstance(sizes, (tuple, list)) or not all(is_int(d) or isinstance(d, Symbol) for d in sizes):
        return None
    if any(is_int(d) and d < 0 for d in sizes):
        return None
    return Shape(tuple(sizes), dtype=dtype)
