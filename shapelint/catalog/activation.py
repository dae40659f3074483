"""Every activation in ``torch.nn``: elementwise ones, PReLU, GLU and the softmax family.

Most bad activation settings (``CELU(alpha=0)``, a negative or NaN Softshrink
``lambd``, ``RReLU`` bounds not finite or in the wrong order, an unknown GELU
approximation) pass torch's constructor and fail on the first call, so the
rules raise them from the output rule, not from ``validate``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from shapelint.catalog.base import FACTORY, Family, LayerKind, OutputRule, Problem, ShapeError, front_dim, keep, require
from shapelint.catalog.entry import Entry
from shapelint.catalog.signature import REQUIRED, Args, ArgType, Param
from shapelint.dims import UNKNOWN, Shape, arith, is_int

_INPLACE = Param("inplace", False, type=ArgType.BOOL)
_SOFTMAX_DIM = Param("dim", None, type=ArgType.INT)


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _checked(check: Callable[[Args], None]) -> OutputRule:
    """An elementwise rule that first runs a check torch makes on the first call."""

    def output(args: Args, shape: Shape) -> Shape:
        check(args)
        return keep(args, shape)

    return output


def _celu(args: Args) -> None:
    require(args["alpha"] != 0, "CELU alpha cannot be 0")


def _gelu(args: Args) -> None:
    approximate = args["approximate"]
    require(
        approximate in ("none", "tanh") or approximate is UNKNOWN,
        f"GELU approximate must be 'none' or 'tanh', got {approximate!r}",
    )


def _finite(value: float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def _softshrink(args: Args) -> None:
    """lambd must lie in [0, the dtype's largest value]; only the bounds shared by every dtype are checked."""
    lambd = args["lambd"]
    require(
        not (_number(lambd) and not (lambd >= 0 and _finite(lambd))),
        f"Softshrink lambd must be finite and not negative, got {lambd}",
    )


def _rrelu(args: Args) -> None:
    lower, upper = args["lower"], args["upper"]
    for name, bound in (("lower", lower), ("upper", upper)):
        require(not (_number(bound) and not _finite(bound)), f"RReLU {name} bound must be finite, got {bound}")
    require(not (_number(lower) and _number(upper) and lower > upper), f"RReLU lower {lower} exceeds upper {upper}")


def _hardtanh(args: Args) -> None:
    low = args["min_val"] if args["min_value"] is None else args["min_value"]
    high = args["max_val"] if args["max_value"] is None else args["max_value"]
    require(
        not (_number(low) and _number(high) and high <= low),
        f"Hardtanh max_val ({high}) must be greater than min_val ({low})",
    )


def _prelu_expected(args: Args, shape: Shape) -> object:
    """PReLU with one parameter fits any input; more need dimension 1 (a 1-D input has one channel)."""
    if args["num_parameters"] == 1:
        return 1
    if shape.rank is not None and shape.rank < 2:
        return 1
    return front_dim(shape, 1)


def _validate_prelu(args: Args) -> None:
    count = args["num_parameters"]
    require(arith(lambda n: n >= 0, count), f"num_parameters must not be negative, got {count}")


def _dim_index(shape: Shape, dim: object, layer: str) -> int | None:
    """The position of ``dim`` in ``shape`` (a scalar has dimension 0 and -1), or None when unknown."""
    if not is_int(dim) or shape.open:
        return None
    rank = max(shape.min_rank, 1)
    if not -rank <= dim < rank:
        raise ShapeError(f"{layer}: dim {dim} is out of range for input of shape {shape}", Problem.RANK)
    return dim % rank


def _glu(args: Args, shape: Shape) -> Shape:
    dim = args["dim"]
    if shape.rank == 0:
        raise ShapeError("GLU cannot halve a scalar", Problem.RANK)
    index = _dim_index(shape, dim, "GLU")
    if index is None and is_int(dim) and 0 < -dim <= shape.min_rank:
        index = shape.min_rank + dim
    if index is None:
        return Shape.anything().with_dtype(shape.dtype)
    size = shape.dims[index]
    require(arith(lambda n: n % 2 == 0, size), f"GLU halves dimension {dim}, but its size {size} is odd", Problem.OTHER)
    half = arith(lambda n: n // 2, size)
    return Shape(shape.dims[:index] + (half,) + shape.dims[index + 1 :], shape.open, shape.dtype)


def _softmax(layer: str) -> OutputRule:
    def output(args: Args, shape: Shape) -> Shape:
        dim = args["dim"]
        if dim is None and shape.rank is not None:
            dim = 0 if shape.rank in (0, 1, 3) else 1
        _dim_index(shape, dim, layer)
        return keep(args, shape)

    return output


def _real(name: str, default: object = REQUIRED) -> Param:
    return Param(name, default, type=ArgType.REAL)


def _plain(name: str, *params: Param) -> LayerKind:
    return LayerKind(name, params, keep)


def _checked_kind(name: str, params: tuple[Param, ...], check: Callable[[Args], None]) -> LayerKind:
    return LayerKind(name, params, _checked(check))


KINDS = (
    _plain("ReLU", _INPLACE),
    _plain("ReLU6", _INPLACE),
    _plain("LeakyReLU", _real("negative_slope", 0.01), _INPLACE),
    _plain("ELU", _real("alpha", 1.0), _INPLACE),
    _plain("SELU", _INPLACE),
    _checked_kind("CELU", (_real("alpha", 1.0), _INPLACE), _celu),
    _checked_kind("GELU", (Param("approximate", "none"),), _gelu),
    _plain("SiLU", _INPLACE),
    _plain("Mish", _INPLACE),
    _plain("Hardswish", _INPLACE),
    _plain("Hardsigmoid", _INPLACE),
    LayerKind(
        "Hardtanh",
        (_real("min_val", -1.0), _real("max_val", 1.0), _INPLACE, _real("min_value", None), _real("max_value", None)),
        keep,
        validate=_hardtanh,
    ),
    _plain("Tanh"),
    _plain("Sigmoid"),
    _plain("Softplus", _real("beta", 1.0), _real("threshold", 20.0)),
    _plain("Softsign"),
    _plain("Tanhshrink"),
    _plain("Threshold", _real("threshold"), _real("value"), _INPLACE),
    _plain("LogSigmoid"),
    _plain("Hardshrink", _real("lambd", 0.5)),
    _checked_kind("Softshrink", (_real("lambd", 0.5),), _softshrink),
    _checked_kind("RReLU", (_real("lower", 1.0 / 8), _real("upper", 1.0 / 3), _INPLACE), _rrelu),
    LayerKind(
        "PReLU",
        (Param("num_parameters", 1, type=ArgType.INT), _real("init", 0.25)) + FACTORY,
        keep,
        input_arg="num_parameters",
        expected_input=_prelu_expected,
        validate=_validate_prelu,
        family=Family.OTHER,
        entries=lambda args: [Entry("weight", (args["num_parameters"],))],
    ),
    LayerKind("GLU", (Param("dim", -1, type=ArgType.INT),), _glu),
    LayerKind("Softmax", (_SOFTMAX_DIM,), _softmax("Softmax")),
    LayerKind("LogSoftmax", (_SOFTMAX_DIM,), _softmax("LogSoftmax")),
    LayerKind("Softmin", (_SOFTMAX_DIM,), _softmax("Softmin")),
    LayerKind("Softmax2d", (), keep, ranks=(3, 4)),
)
