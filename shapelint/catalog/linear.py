"""Identity, Linear, Bilinear, Flatten and Unflatten."""

from __future__ import annotations

from fractions import Fraction

from shapelint.catalog.base import FACTORY, Family, LayerKind, Problem, ShapeError, keep
from shapelint.catalog.entries import with_bias
from shapelint.catalog.entry import Entry
from shapelint.catalog.signature import Args, ArgType, Attribute, Param
from shapelint.dims import UNKNOWN, Dim, Shape, Symbol, is_int, product


def _non_negative(args: Args, *names: str) -> None:
    for name in names:
        value = args[name]
        if is_int(value) and value < 0:
            raise ShapeError(f"{name} must not be negative, got {value}", Problem.HYPERPARAMETER)


def _linear_output(args: Args, shape: Shape) -> Shape:
    return shape.with_tail(1, (args["out_features"],), "float")


def _last_dim(args: Args, shape: Shape) -> object:
    return shape.dim(-1)


def _flatten_range(shape: Shape, start: object, end: object) -> tuple[int, int] | None:
    """Normalized ``(start, end)`` for a closed shape, or ``None`` when unknowable."""
    if shape.open or not (is_int(start) and is_int(end)):
        return None
    rank = max(len(shape.dims), 1)
    for index in (start, end):
        if not -rank <= index < rank:
            raise ShapeError(
                f"Flatten dimension {index} is out of range for a {len(shape.dims)}-D input {shape}", Problem.RANK
            )
    first, last = start % rank, end % rank
    if first > last:
        raise ShapeError(f"Flatten start_dim {start} comes after end_dim {end} for input {shape}", Problem.OTHER)
    return first, last


def _flatten_output(args: Args, shape: Shape) -> Shape:
    span = _flatten_range(shape, args["start_dim"], args["end_dim"])
    if span is None:
        return Shape.anything().with_dtype(shape.dtype)
    if not shape.dims:
        return Shape((1,), dtype=shape.dtype)
    first, last = span
    dims = shape.dims
    return Shape(dims[:first] + (_span_size(dims[first : last + 1]),) + dims[last + 1 :], dtype=shape.dtype)


def _span_size(dims: tuple[Dim, ...]) -> Dim:
    """The size the flattened dimensions make: their product, or a multiple of the one symbol among known sizes
    (``nn.Flatten(0)`` on ``(B, 1536)`` gives ``B*1536`` rows, as ``view(-1)`` does)."""
    symbols = [dim for dim in dims if isinstance(dim, Symbol)]
    rest = product(dim for dim in dims if not isinstance(dim, Symbol))
    if len(symbols) != 1 or len(dims) == 1 or not is_int(rest) or rest == 0:
        return product(dims)
    return symbols[0].scaled(Fraction(rest)) if rest != 1 else symbols[0]


def _unflatten_output(args: Args, shape: Shape) -> Shape:
    dim, sizes = args["dim"], args["unflattened_size"]
    if not is_int(dim) or not isinstance(sizes, (tuple, list)):
        return Shape.anything().with_dtype(shape.dtype)
    if not sizes:
        raise ShapeError("Unflatten sizes must be non-empty", Problem.HYPERPARAMETER)
    index = shape.normalize_index(dim)
    if index is None:
        if shape.open:
            return Shape.anything().with_dtype(shape.dtype)
        raise ShapeError(f"Unflatten dim {dim} is out of range for input {shape}", Problem.RANK)
    size = shape.dims[index]
    sizes = _resolve_unflatten(tuple(sizes), size, shape)
    return Shape(shape.dims[:index] + sizes + shape.dims[index + 1 :], dtype=shape.dtype)


def _resolve_unflatten(sizes: tuple, size: object, shape: Shape) -> tuple:
    if sizes.count(-1) > 1:
        raise ShapeError(f"Unflatten sizes {sizes} contain more than one -1", Problem.OTHER)
    rest = product(tuple(s for s in sizes if s != -1))
    if -1 in sizes:
        if not (is_int(rest) and is_int(size)):
            return tuple(UNKNOWN if s == -1 else s for s in sizes)
        if rest == 0 or size % rest:
            raise ShapeError(f"Unflatten sizes {sizes} cannot split dimension of size {size} in {shape}", Problem.OTHER)
        return tuple(size // rest if s == -1 else s for s in sizes)
    if is_int(rest) and is_int(size) and rest != size:
        raise ShapeError(
            f"Unflatten sizes {sizes} multiply to {rest}, but the dimension has size {size} in {shape}", Problem.OTHER
        )
    return sizes


_NOT_SIZES = (float, str, tuple, list, type(None))
"""Values known not to be an int; the evaluator's unknowns and symbols are none of these."""


def _validate_unflatten(args: Args) -> None:
    """With an int ``dim``, torch's constructor wants a tuple or list of ints (a str ``dim`` takes named sizes)."""
    dim, sizes = args["dim"], args["unflattened_size"]
    listed = isinstance(sizes, (tuple, list))
    wrong = any(isinstance(s, _NOT_SIZES) for s in sizes) if listed else is_int(sizes) or isinstance(sizes, _NOT_SIZES)
    if is_int(dim) and wrong:
        raise ShapeError(f"Unflatten unflattened_size must be a tuple of ints, got {sizes!r}", Problem.HYPERPARAMETER)
    if listed and any(is_int(s) and (s < -1 or s == 0) for s in sizes):
        raise ShapeError(f"Unflatten sizes must be positive or -1, got {tuple(sizes)}", Problem.HYPERPARAMETER)


_BIAS = Param("bias", True, type=ArgType.BOOL)


def linear_entries(args: Args) -> list[Entry]:
    out = args["out_features"]
    return with_bias(Entry("weight", (out, args["in_features"])), out, args["bias"])


def _second_input(args: Args, shape: Shape, extras: tuple[Shape, ...]) -> None:
    """``input2`` has the first input's leading dimensions and ``in2_features`` last."""
    if len(extras) != 1:
        raise ShapeError(f"Bilinear takes two inputs, got {1 + len(extras)}")
    (second,) = extras
    if second.dims[:-1] != shape.dims[:-1]:
        raise ShapeError(f"Bilinear: input2 {second} must have the leading dimensions of input1 {shape}")
    found, features = args["in2_features"], second.dim(-1)
    if found != features:
        raise ShapeError(
            f"Bilinear(in2_features={found!r}) receives input2 of shape {second}",
            Problem.SIZE,
            argument="in2_features",
            expected=features,
            found=found,
        )


def _bilinear_entries(args: Args) -> list[Entry]:
    out = args["out_features"]
    weight = Entry("weight", (out, args["in1_features"], args["in2_features"]))
    return with_bias(weight, out, args["bias"])


LINEAR = LayerKind(
    "Linear",
    (Param("in_features", attribute=Attribute.SIZE), Param("out_features", type=ArgType.INT, attribute=Attribute.SIZE))
    + (_BIAS,)
    + FACTORY,
    _linear_output,
    input_arg="in_features",
    expected_input=_last_dim,
    min_rank=1,
    validate=lambda args: _non_negative(args, "in_features", "out_features"),
    family=Family.LINEAR,
    entries=linear_entries,
)

KINDS = (
    LayerKind("Identity", (), keep, accepts_tuple=True),
    LINEAR,
    LayerKind(
        "Bilinear",
        tuple(Param(name, attribute=Attribute.SIZE) for name in ("in1_features", "in2_features", "out_features"))
        + (_BIAS,)
        + FACTORY,
        _linear_output,
        input_arg="in1_features",
        expected_input=_last_dim,
        min_rank=1,
        validate=lambda args: _non_negative(args, "in1_features", "in2_features", "out_features"),
        family=Family.LINEAR,
        extra_inputs=1,
        extra_rule=_second_input,
        entries=_bilinear_entries,
    ),
    LayerKind(
        "Flatten",
        (Param("start_dim", 1, type=ArgType.INT), Param("end_dim", -1, type=ArgType.INT)),
        _flatten_output,
    ),
    LayerKind(
        "Unflatten",
        (Param("dim", type=ArgType.INT), Param("unflattened_size")),
        _unflatten_output,
        validate=_validate_unflatten,
    ),
)
