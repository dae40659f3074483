"""What numpy code does to arrays before they become tensors: arithmetic, elementwise functions, casts, reshapes.

Forum and tutorial scripts prepare their data with numpy (``X = np.random.rand(200, 64, 64, 3) / 255.0``,
``series = np.sin(np.linspace(0, 100, 2000))``, ``X.astype(np.float32)``); the shape survives each step, so the
tensor made from the result is a known input.  The rules are numpy's (NEP 50 promotion for the element kind),
shape rules shared with tensors where numpy and torch agree; anything numpy might refuse, or whose kind is not
certain, is unknown.  numpy itself is never imported.
"""

from __future__ import annotations

import dataclasses

import libcst as cst

from shapelint.catalog import ShapeError, tensor_rules
from shapelint.dims import UNKNOWN, DType, Shape, is_int
from shapelint.evaluator import numpy_ranges, numpy_reductions, operators
from shapelint.evaluator.values import Array, ModuleRef, Origin

_FLOAT_MAKING = frozenset(
    {
        "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh",
        "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sqrt", "cbrt", "deg2rad", "rad2deg", "degrees",
        "radians", "fabs",
    }
)  # fmt: skip
"""Elementwise functions that give floats whatever the array holds."""
_KIND_KEEPING = frozenset({"abs", "absolute", "square", "negative", "positive", "sign"})
_ROUNDING = frozenset({"floor", "ceil", "trunc", "rint", "round", "around"})
"""Kept floats for a float array; what they give an integer one changed across numpy versions."""
_FLOAT_NAMES = frozenset({"float16", "float32", "float64", "half", "single", "double", "longdouble", "float_"})
_INT_NAMES = frozenset({"int32", "int64", "intp", "int_", "longlong"})
"""Integer types of at least 32 signed bits: the ones numpy makes by default.  Narrower or unsigned ones are left
unknown, so an integer array always takes the Python ints of :data:`_SAFE_INTS`."""
_NARROW_NAMES = frozenset({"bool", "bool_", "int8", "int16", "uint8", "uint16", "uint32", "uint64"})
"""The other real types: of no kind named here, yet numbers (or bools) that a float turns into floats."""
_SMALL_INTS = range(128)
"""Python ints every integer or bool type takes (NEP 50 refuses ``-1`` with ``uint8``, ``128`` with ``int8``)."""
_SAFE_INTS = range(-(2**31), 2**31)
"""Python ints numpy combines with an integer array without overflow (NEP 50 refuses one that does not fit the
array's type, such as ``300`` with ``int8``)."""

_OPERATORS = (cst.Add, cst.Subtract, cst.Multiply, cst.Divide, cst.FloorDivide, cst.Modulo, cst.Power)
_IN_PLACE = {
    cst.AddAssign: cst.Add(),
    cst.SubtractAssign: cst.Subtract(),
    cst.MultiplyAssign: cst.Multiply(),
    cst.DivideAssign: cst.Divide(),
    cst.FloorDivideAssign: cst.FloorDivide(),
    cst.ModuloAssign: cst.Modulo(),
    cst.PowerAssign: cst.Power(),
}
METHODS = frozenset({"astype", "reshape", "flatten", "ravel", "copy", "transpose", "resize"}) | numpy_reductions.METHODS
IN_PLACE_RESHAPES = frozenset({"resize"})
"""Array methods that change the receiver's own shape (``X.resize((10, 3))``): the name that holds it becomes
unknown, as does one whose ``.shape`` is assigned."""


def numpy_dtype(value: object) -> DType | None:
    """The element kind ``np.float32``, ``"int64"`` or ``float`` names; ``None`` for any other (bools, ``uint8``)."""
    name = type_name(value)
    return "float" if name in _FLOAT_NAMES else "int" if name in _INT_NAMES else None


def real_type(value: object) -> bool:
    """Whether ``value`` names a real numeric type or a bool: ``np.uint8`` and ``bool`` as well as ``np.float32``."""
    return type_name(value) in _FLOAT_NAMES | _INT_NAMES | _NARROW_NAMES


def type_name(value: object) -> str | None:
    """The numpy type ``value`` names (``np.uint8``, ``"float32"``, ``int``), without its module."""
    if isinstance(value, ModuleRef):
        return value.qualname.removeprefix("numpy.")
    if isinstance(value, operators.Builtin):
        return {"float": "float64", "int": "int64", "bool": "bool"}.get(value.name)
    return value if isinstance(value, str) else None


def binary(operator: cst.BaseBinaryOp | cst.BaseAugOp, left: object, right: object) -> object:
    """``X / 255.0``, ``a + b``, ``2 * X``: the broadcast shape, of the kind numpy promotes to.  In place
    (``X /= 255.0``), numpy keeps the array's shape and kind or refuses."""
    if isinstance(operator, cst.BaseAugOp):
        result = binary(_IN_PLACE[type(operator)], left, right) if type(operator) in _IN_PLACE else UNKNOWN
        kept = isinstance(left, Array) and isinstance(result, Array) and result.shape == left.shape
        return result if kept else UNKNOWN
    if not isinstance(operator, _OPERATORS):
        return UNKNOWN
    shapes = [_operand(value) for value in (left, right)]
    if shapes[0] is None or shapes[1] is None:
        return UNKNOWN
    try:
        shape = tensor_rules.broadcast(shapes[0], shapes[1])
    except ShapeError:
        return UNKNOWN
    dtype = _promoted(operator, left, right, shapes[0].dtype, shapes[1].dtype)
    if dtype is UNKNOWN or shape.open or UNKNOWN in shape.dims:
        return UNKNOWN
    origin = left.origin if isinstance(left, Array) else right.origin if isinstance(right, Array) else None
    return Array(shape.with_dtype(dtype), origin)  # type: ignore[arg-type]


def _operand(value: object) -> Shape | None:
    """An operand's shape: an array's, or a Python number's (none); ``None`` for anything else."""
    if isinstance(value, Array):
        return value.shape
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Shape((), dtype="int" if isinstance(value, int) else "float")
    return None


def _promoted(
    operator: cst.BaseBinaryOp, left: object, right: object, left_kind: DType | None, right_kind: DType | None
) -> object:
    """The result's kind, or ``UNKNOWN`` when numpy may refuse the operation."""
    scalar = right if not isinstance(right, Array) else left if not isinstance(left, Array) else None
    if left_kind is None or right_kind is None:
        return _unnamed(operator, left, right, scalar, {left_kind, right_kind})
    if isinstance(operator, cst.Power) and left_kind == right_kind == "int" and not (is_int(right) and right >= 0):
        return UNKNOWN  # integers to a negative integer power are refused, and an array's elements are not known
    if left_kind == right_kind == "int":
        if scalar is not None and scalar not in _SAFE_INTS:
            return UNKNOWN
        return "float" if isinstance(operator, cst.Divide) else "int"
    return "float"


def _unnamed(
    operator: cst.BaseBinaryOp, left: object, right: object, scalar: object, kinds: set[DType | None]
) -> object:
    """An operand of a kind not named (``uint8``, bools): numpy makes floats of any real numbers and bools by true
    division or with a float (``X.astype(np.uint8) / 255.``).  Anything else may be refused (``-`` of bools, an int
    past a narrow type's range) or is of a kind not named: unknown, as is an operand that may not be a number."""
    if not (_real(left) and _real(right)):
        return UNKNOWN
    divides = isinstance(operator, cst.Divide) and (scalar is None or scalar in _SMALL_INTS)
    return "float" if "float" in kinds or divides else UNKNOWN


def _real(value: object) -> bool:
    return _number(value) or (isinstance(value, Array) and (value.real or value.shape.dtype is not None))


def call(qualname: str, args: list[object], kwargs: dict[str, object]) -> object | None:
    """numpy functions of arrays and ranges; ``None`` when ``qualname`` is not one of them, or is not given an
    array (``np.sqrt(2)`` is a number)."""
    name = qualname.removeprefix("numpy.")
    if name in ("arange", "linspace"):
        return numpy_ranges.call(name, args, kwargs)
    if name in ("stack", "concatenate"):
        return _joined(name, args, kwargs)
    if not args or not isinstance(args[0], Array):
        return None
    array = args[0]
    if name in _FLOAT_MAKING | _KIND_KEEPING | _ROUNDING and len(args) == 1 and not kwargs:
        return Array(array.shape.with_dtype(_elementwise_kind(name, array.shape.dtype)), array.origin)
    if name == "clip" and len(args) == 3 and not kwargs and all(_number(bound) for bound in args[1:]):
        return Array(array.shape.with_dtype("float" if array.shape.dtype == "float" else None), array.origin)
    if name in _SECOND_BY_NAME:
        rule = {"reshape": tensor_rules.reshape, "transpose": _transposed, "expand_dims": tensor_rules.unsqueeze}[name]
        given = [*args[1:], *(kwargs[key] for key in _SECOND_BY_NAME[name] if key in kwargs)]
        rest = {key: value for key, value in kwargs.items() if key not in _SECOND_BY_NAME[name]}
        return _reshaped(array, rule, given, rest) if len(given) <= 1 else UNKNOWN
    if name in numpy_reductions.FUNCTIONS:
        return numpy_reductions.reduced(array, name, args[1:], kwargs)
    return None


_SECOND_BY_NAME = {"reshape": ("shape",), "transpose": ("axes",), "expand_dims": ("axis",)}
"""Functions of an array whose second argument may be given by name (``np.expand_dims(x, axis=0)``)."""


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _elementwise_kind(name: str, kind: DType | None) -> DType | None:
    if name in _FLOAT_MAKING:
        return "float"
    if name in _KIND_KEEPING:
        return kind
    return "float" if kind == "float" else None


def method(array: Array, name: str, args: list[object], kwargs: dict[str, object]) -> object:
    """``X.astype(np.float32)``, ``X.reshape(-1, 1)``, ``X.flatten()``, ``X.transpose()``."""
    if name == "astype":
        known = len(args) == 1 and not kwargs
        kind = numpy_dtype(args[0]) if known else None
        return Array(array.shape.with_dtype(kind), array.origin, known and real_type(args[0]))
    if name in ("flatten", "ravel", "copy") and not args and not kwargs:
        return dataclasses.replace(array) if name == "copy" else _reshaped(array, tensor_rules.reshape, [-1], {})
    if name == "reshape":
        return _reshaped(array, tensor_rules.reshape, args, kwargs)
    if name == "transpose":
        return _reshaped(array, _transposed, args, kwargs)
    if name in numpy_reductions.METHODS:
        return numpy_reductions.reduced(array, name, args, kwargs)
    return UNKNOWN


def attribute(array: Array, name: str) -> object:
    """``X.T``, ``X.shape``, ``X.ndim``; a method waits for its call."""
    if name == "T":
        return _reshaped(array, _transposed, [], {})
    if name == "shape":
        return tensor_rules.size_of(array.shape, [])
    if name == "ndim":
        return UNKNOWN if array.shape.open else len(array.shape.dims)
    return UNKNOWN


def _transposed(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``X.T`` and ``X.transpose()`` reverse the axes; ``X.transpose(1, 0, 2)`` permutes them."""
    if not args and not kwargs:
        return Shape(shape.dims[::-1]) if not shape.open else Shape.anything()
    return tensor_rules.permute(shape, args, {}) if not kwargs else Shape.anything()


def _reshaped(array: Array, rule: tensor_rules.Rule, args: list[object], kwargs: dict[str, object]) -> object:
    """A shape rule numpy and torch share, applied to an array; what numpy would refuse is unknown."""
    if kwargs:
        return UNKNOWN
    try:
        shape = rule(array.shape, args, {})
    except ShapeError:
        return UNKNOWN
    if not isinstance(shape, Shape) or shape.open or UNKNOWN in shape.dims:
        return UNKNOWN
    return dataclasses.replace(array, shape=shape.with_dtype(array.shape.dtype))


def _joined(name: str, args: list[object], kwargs: dict[str, object]) -> object:
    """``np.stack([a, b])`` and ``np.concatenate((a, b), axis=1)`` of arrays of known shapes."""
    axis = kwargs.get("axis", args[1] if len(args) > 1 else 0)
    items = operators.iterate(args[0]) if len(args) in (1, 2) and set(kwargs) <= {"axis"} else None
    shapes = [item.shape for item in items or () if isinstance(item, Array)]
    if not items or len(shapes) != len(items) or not is_int(axis):
        return UNKNOWN
    try:
        shape = tensor_rules.stack(shapes, axis) if name == "stack" else tensor_rules.concatenate(shapes, axis)
    except ShapeError:
        return UNKNOWN
    if shape.open or UNKNOWN in shape.dims:
        return UNKNOWN
    kinds = {item.dtype for item in shapes}
    kind: DType | None = None if None in kinds else "float" if "float" in kinds else "int"
    return Array(shape.with_dtype(kind), Origin(f"np.{name}"))
