"""Tensors made from numpy arrays and by the legacy typed constructors.

GAN and tutorial code draws its latent vectors with numpy and converts them:
``Tensor(np.random.normal(0, 1, (imgs.shape[0], latent_dim)))``, where ``Tensor`` is ``torch.FloatTensor``
(or its CUDA twin). Arrays stay :class:`Array` values until converted, so no layer is ever checked against an
array that torch would refuse.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeGuard

import libcst as cst

from shapelint.catalog import tensor_rules
from shapelint.dims import UNKNOWN, DType, Shape, Symbol, Unknown, is_int
from shapelint.evaluator import array_ops
from shapelint.evaluator.names import TYPED_TENSORS
from shapelint.evaluator.operators import iterate
from shapelint.evaluator.values import Array, ListValue, ModuleRef, Origin, SampleIndex, Tensor

_SIZE_LAST = {"numpy.random.normal": 2, "numpy.random.uniform": 2, "numpy.random.randint": 2}
"""Sampling functions whose ``size`` comes after two distribution parameters."""
_SIZE_FIRST = frozenset(
    {"numpy.zeros", "numpy.ones", "numpy.empty", "numpy.random.random", "numpy.random.standard_normal"}
)
"""Factories and draws whose ``size`` comes first, then the ``dtype``."""
_PARAMETERS = {"numpy.random.normal": ("loc", "scale"), "numpy.random.uniform": ("low", "high")}
_PARAMETERS["numpy.random.randint"] = _PARAMETERS["numpy.random.uniform"]
_FROM_DATA = frozenset({"numpy.array", "numpy.asarray"})
_SIZES_SPREAD = frozenset({"numpy.random.randn", "numpy.random.rand"})
_INT_ARRAYS = frozenset({"numpy.random.randint"})

_NEUTRAL_KEYWORDS = frozenset({"dtype", "device", "requires_grad"})
"""What ``torch.tensor(data, ...)`` may be given beside its data without changing the shape."""
_CONVERTERS = frozenset({"torch.from_numpy", "torch.tensor", "torch.as_tensor", "torch.Tensor"})
_INT_DTYPES = frozenset(
    {"torch.long", "torch.int64", "torch.int", "torch.int32", "torch.int16", "torch.int8", "torch.uint8"}
)
_FLOAT_DTYPES = frozenset(
    {"torch.float", "torch.float32", "torch.float64", "torch.double", "torch.half", "torch.float16", "torch.bfloat16"}
)


def asked_dtype(kwargs: dict[str, object], default: DType | None) -> DType | None:
    """The dtype a factory makes: ``default`` unless ``dtype=`` asks another.  One this cannot tell apart
    (``dtype=x.dtype``, ``torch.bool``) leaves it unknown: a dtype is never guessed, so no check rests on a guess."""
    asked = kwargs.get("dtype")
    if asked is None:
        return default
    qualname = asked.qualname if isinstance(asked, ModuleRef) else None
    return "int" if qualname in _INT_DTYPES else "float" if qualname in _FLOAT_DTYPES else None


def call(qualname: str, args: list[object], kwargs: dict[str, object], node: cst.CSTNode) -> object | None:
    """The array or tensor ``qualname(*args, **kwargs)`` makes, unknown when its size is, ``None`` when
    ``qualname`` is none of these."""
    origin = Origin(qualname.replace("numpy.", "np."), node)
    if qualname in _SIZE_LAST or qualname in _SIZE_FIRST or qualname in _SIZES_SPREAD:
        return _sized(qualname, args, kwargs, origin)
    if qualname == "numpy.eye":
        shape = sized((args[0], args[0]) if len(args) == 1 and not kwargs else None, "float")
        return UNKNOWN if shape is None else Array(shape, origin)
    if qualname in _FROM_DATA:
        shape = data_shape(args[0]) if len(args) == 1 and not kwargs else None
        return UNKNOWN if shape is None else Array(shape, origin)
    if qualname in ("numpy.frombuffer", "numpy.fromfile"):
        return _read(args, kwargs, origin)
    if qualname.startswith("numpy."):
        return array_ops.call(qualname, args, kwargs)
    name = qualname.rpartition(".")[2]
    if qualname not in _CONVERTERS and not (qualname == f"torch.{name}" and name in TYPED_TENSORS):
        return None
    legacy_dtype = "float" if qualname == "torch.Tensor" else TYPED_TENSORS.get(name)
    return _tensor(qualname, legacy_dtype, args, kwargs, origin)


def _read(args: list[object], kwargs: dict[str, object], origin: Origin) -> object:
    """``np.frombuffer(data, dtype=np.uint8)``, ``np.fromfile(path, dtype)``: numbers read from bytes, one row of
    them, how many not known (``.reshape(-1, 28 * 28)`` then knows its columns)."""
    if len(args) > 3 or kwargs.keys() - {"dtype", "count", "offset", "sep", "like"}:
        return UNKNOWN
    given = args[1] if len(args) > 1 else kwargs.get("dtype")
    kind = asked_dtype({"dtype": given}, "float") if given is not None else "float"
    return Array(Shape((UNKNOWN,), dtype=kind), origin, real=True)


def _tensor(
    qualname: str, dtype: DType | None, args: list[object], kwargs: dict[str, object], origin: Origin
) -> object:
    """A tensor constructor given data (an array, nested lists) or, for the legacy typed ones, sizes.

    ``dtype``: what the constructor makes whatever its data holds (``torch.Tensor([[1, 0]])`` is float, as
    ``torch.LongTensor`` is int); ``None`` where the data decides, as for ``torch.tensor``."""
    legacy = qualname == "torch.Tensor" or qualname.rpartition(".")[2] in TYPED_TENSORS
    if not legacy and kwargs.keys() <= _NEUTRAL_KEYWORDS and "dtype" in kwargs:
        dtype, kwargs = asked_dtype(kwargs, None), {}
        if dtype is None:
            return UNKNOWN
    if len(args) != 1 or kwargs or (legacy and is_int(args[0])):
        shape = _sizes(args, dtype or "float") if legacy and args and not kwargs else None
        return UNKNOWN if shape is None else Tensor(shape, origin)
    data = args[0]
    if legacy and isinstance(data, tuple):  # ``torch.FloatTensor(x.shape)``: a torch.Size is sizes, a tuple data
        return UNKNOWN
    shape = data_shape(data)
    if shape is None or (qualname == "torch.from_numpy" and not isinstance(data, Array)):
        return UNKNOWN
    if isinstance(data, Array) and not shape.dims:
        return UNKNOWN  # a numpy scalar: ``from_numpy`` refuses it, a typed constructor takes an int one as a size
    return Tensor(shape.with_dtype(dtype or shape.dtype), origin)


def data_shape(data: object) -> Shape | None:
    """The shape numpy and torch give nested sequences of numbers or arrays, when every level is known."""
    if isinstance(data, Array):
        return data.shape
    if isinstance(data, bool) or not isinstance(data, (int, float, ListValue, tuple, list)):
        return None
    if isinstance(data, (int, float)):
        return Shape((), dtype="int" if isinstance(data, int) else "float")
    if isinstance(data, ListValue) and data.all_floats():
        return Shape((len(data.floats or ()),), dtype="float")
    items = iterate(data)
    if not items:
        return None
    inner = [data_shape(item) for item in items]
    first = inner[0]
    if first is None or any(shape is None or shape.dims != first.dims for shape in inner):
        return None
    dtype: DType = "float" if any(shape.dtype == "float" for shape in inner) else "int"  # type: ignore[union-attr]
    return Shape((len(items), *first.dims), dtype=dtype)


def index(array: Array, key: object) -> object:
    """``eye[i]`` (a row) and ``eye[[i, j, k]]`` (one row each), numpy's two most common lookups, and ``eye[labels]``
    with an int array of labels taken to be in range (one row each: a one-hot); a dataset's ``self.X[index]`` takes
    one row, as a tensor's does."""
    dims = array.shape.dims
    if not dims:
        return UNKNOWN
    if isinstance(key, SampleIndex):
        return replace(array, shape=Shape(dims[1:], dtype=array.shape.dtype))
    if is_int(key):
        return replace(array, shape=Shape(dims[1:], dtype=array.shape.dtype)) if _within(key, dims[0]) else UNKNOWN
    if isinstance(key, Array) and key.shape.dtype == "int" and not key.shape.open and _within(0, dims[0]):
        return replace(array, shape=Shape((*key.shape.dims, *dims[1:]), dtype=array.shape.dtype))
    keys = iterate(key) if isinstance(key, (ListValue, list)) else None
    if keys is None or not all(is_int(k) and _within(k, dims[0]) for k in keys):
        return UNKNOWN
    return replace(array, shape=Shape((len(keys), *dims[1:]), dtype=array.shape.dtype))


def sliced(array: Array, items: list[object]) -> object:
    """``values[:, 1:]``, ``values[:, 0]``, ``values[..., None]``: numpy's basic indexing (ints, slices, ``None``,
    ``...``) gives the shapes torch's does; anything else, or an int out of range, is unknown."""
    dims = array.shape.dims
    if array.shape.open or not all(_basic(item) for item in items) or items.count(Ellipsis) > 1:
        return UNKNOWN
    consuming = [item for item in items if item is not None]
    if Ellipsis in consuming:
        at = consuming.index(Ellipsis)
        consuming[at : at + 1] = [slice(None)] * max(len(dims) - len(consuming) + 1, 0)
    if len(consuming) > len(dims) or any(is_int(i) and not _within(i, size) for i, size in zip(consuming, dims)):
        return UNKNOWN
    return replace(array, shape=tensor_rules.index(array.shape, items))


def _basic(item: object) -> bool:
    return item is None or item is Ellipsis or isinstance(item, slice) or is_int(item)


def _within(key: int, size: object) -> bool:
    return is_int(size) and -size <= key < size


def retyped(tensor: Tensor, target: object) -> object:
    """``x.type(torch.FloatTensor)``: the same shape; ``x.type()`` alone names the type, a string."""
    if not isinstance(target, ModuleRef):
        return Tensor(tensor.shape.with_dtype(None), tensor.origin)
    return Tensor(tensor.shape.with_dtype(TYPED_TENSORS.get(target.qualname.rpartition(".")[2])), tensor.origin)


def _sized(qualname: str, args: list[object], kwargs: dict[str, object], origin: Origin) -> object:
    """``np.zeros((n, 3))``, ``np.zeros(n, np.int64)``, ``np.random.normal(0, 1, (n, latent_dim))``: the size asked
    for, of the kind the ``dtype`` names; a draw numpy refuses for its parameters is unknown."""
    shape = sized(_requested_size(qualname, args, kwargs), "int" if qualname in _INT_ARRAYS else "float")
    dtype = kwargs.get("dtype", args[1] if qualname in _SIZE_FIRST and len(args) > 1 else None)
    if shape is None or (qualname in _PARAMETERS and _refused(qualname, args, kwargs)):
        return UNKNOWN
    if dtype is None:
        return Array(shape, origin, real=True)
    return Array(shape.with_dtype(array_ops.numpy_dtype(dtype)), origin, array_ops.real_type(dtype))


def _refused(qualname: str, args: list[object], kwargs: dict[str, object]) -> bool:
    """Whether numpy may refuse a draw's parameters where they are numbers: a negative ``scale``, bounds the wrong
    way round (a Generator's ``uniform`` refuses them too), a bound infinite, a range too wide."""
    names = _PARAMETERS[qualname]
    first, second = (kwargs.get(name, args[at] if len(args) > at else None) for at, name in enumerate(names))
    if qualname == "numpy.random.randint":
        return _refused_integers(first, second, kwargs)
    if any(_number(bound) and not abs(bound) < _LARGE for bound in (first, second)):
        return True
    if qualname == "numpy.random.normal":
        return _number(second) and second < 0
    return _number(first) and _number(second) and not (first <= second and second - first < _LARGE)


def _refused_integers(low: object, high: object, kwargs: dict[str, object]) -> bool:
    """``randint(low, high)``, ``integers(low, high, endpoint=...)``: an empty range, or one past what the
    ``dtype`` holds, is refused; of a narrow ``dtype`` the bounds must be known, of the default only sane."""
    if high is None:
        low, high = 0, low
    asked = array_ops.type_name(kwargs["dtype"]) if "dtype" in kwargs else "int64"
    limits = _INTEGER_LIMITS.get(asked or "")
    endpoint = kwargs.get("endpoint", False)
    top = 1 if endpoint is True else 0
    given = [bound for bound in (low, high) if bound is not UNKNOWN]
    if limits is None or not isinstance(endpoint, bool) or not all(map(is_int, given)):
        return True
    if not (is_int(low) and is_int(high)):
        return asked not in ("int64", "int_", "intp")
    return not limits[0] <= low < high + top <= limits[1]


_LARGE = 2.0**1000
"""Far below the largest float: a bound or range past it is infinite, or becomes so (``inf``, ``nan`` fail
``abs(x) < _LARGE`` too)."""
_INTEGER_LIMITS = {
    name: (-(2 ** (bits - 1)), 2 ** (bits - 1)) if signed else (0, 2**bits)
    for names, bits, signed in [
        (("int8",), 8, True), (("int16",), 16, True), (("int32",), 32, True), (("int64", "int_", "intp"), 64, True),
        (("uint8",), 8, False), (("uint16",), 16, False), (("uint32",), 32, False), (("uint64",), 64, False),
        (("bool",), 1, False),
    ]
    for name in names
}  # fmt: skip
"""The draws each integer type holds: ``randint(0, 256, dtype=np.uint8)`` fits, ``randint(-1, 2, ...)`` does not."""


def _number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _requested_size(qualname: str, args: list[object], kwargs: dict[str, object]) -> object:
    if qualname in _SIZES_SPREAD:
        return tuple(args) if args and not kwargs else None  # ``np.random.rand()`` is a Python float
    if "size" in kwargs or "shape" in kwargs:
        return kwargs.get("size", kwargs.get("shape"))
    position = _SIZE_LAST.get(qualname, 0)
    return args[position] if len(args) > position else None


def _sizes(sizes: list[object], dtype: DType) -> Shape | None:
    """A legacy constructor's sizes (``torch.FloatTensor(fin, fout)``): two or more arguments are sizes whatever they
    hold, so one not known is a dimension not known (pygcn's ``nclass = labels.max().item() + 1``)."""
    if len(sizes) < 2:
        return sized(sizes, dtype)
    if any(is_int(d) and d < 0 for d in sizes):
        return None
    return Shape(tuple(d if is_int(d) or isinstance(d, Symbol) else UNKNOWN for d in sizes), dtype=dtype)


def sized(size: object, dtype: DType) -> Shape | None:
    """The shape a numpy ``size`` (an int or a sequence of them) asks for; ``None`` when not known or negative.  In
    a sequence of known length each item is one dimension, so an unknown one is an unknown size
    (``np.zeros((2, max_len, 100))`` is ``(2, ?, 100)``)."""
    sizes = (size,) if is_int(size) else size
    if not isinstance(sizes, (tuple, list)) or not all(is_int(d) or isinstance(d, (Symbol, Unknown)) for d in sizes):
        return None
    if any(is_int(d) and d < 0 for d in sizes):
        return None
    return Shape(tuple(sizes), dtype=dtype)
