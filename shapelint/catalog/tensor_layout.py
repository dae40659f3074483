"""Tensor methods that move, cut, pick or tile dimensions, and those whose result is of the integer kind.

``x.movedim(1, -1)``, ``x.narrow(1, 0, 16)``, ``x.select(1, 0)``, ``x.diagonal(dim1=-2, dim2=-1)``,
``x.diff(dim=1)``, ``x.tile((2, 1))``, ``x.unflatten(1, (4, -1))``, ``w.t()``; ``x.argmax(1)``, ``x.isnan()``,
``mask.any(dim=-1)``.  Each rule takes the shape, the arguments after the tensor and the keywords, as the
:mod:`~shapelint.catalog.tensor_ops` rules do, and is unknown where torch would refuse the call.
"""

from __future__ import annotations

from collections.abc import Callable

from shapelint.catalog.tensor_ops import argument, expand, position, reduce, repeat, unchanged, with_size
from shapelint.dims import UNKNOWN, Shape, is_int, product

Rule = Callable[[Shape, list[object], dict[str, object]], Shape]


def movedim(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``x.movedim(source, destination)``: each source dimension goes to its destination, the rest keep their
    order around them (ints or sequences of them)."""
    source, destination = argument(args, kwargs, 0, "source"), argument(args, kwargs, 1, "destination")
    sources = list(source) if isinstance(source, (tuple, list)) else [source]
    destinations = list(destination) if isinstance(destination, (tuple, list)) else [destination]
    if shape.open or len(sources) != len(destinations):
        return Shape.anything()
    moved_from = [position(shape, dim) for dim in sources]
    moved_to = [position(shape, dim) for dim in destinations]
    if None in moved_from or None in moved_to or len(set(moved_from)) != len(moved_from):
        return Shape.anything()
    if len(set(moved_to)) != len(moved_to):
        return Shape.anything()
    rest = iter(dim for at, dim in enumerate(shape.dims) if at not in moved_from)
    placed = dict(zip(moved_to, (shape.dims[at] for at in moved_from if at is not None)))
    return Shape(tuple(placed[at] if at in placed else next(rest) for at in range(len(shape.dims))), dtype=shape.dtype)


def narrow(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``x.narrow(dim, start, length)``: that dimension becomes ``length`` (torch refuses a window past its end)."""
    at = position(shape, argument(args, kwargs, 0, "dim"))
    start, length = argument(args, kwargs, 1, "start"), argument(args, kwargs, 2, "length")
    if at is None or not (is_int(start) and is_int(length)) or length < 0:
        return Shape.anything()
    size = shape.dims[at]
    if is_int(size) and not (-size <= start <= size and (start % size if size else 0) + length <= size):
        return Shape.anything()
    return with_size(shape, at, length)


def select(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``x.select(dim, index)``: that dimension is gone, as ``x[:, index]`` takes it."""
    at = position(shape, argument(args, kwargs, 0, "dim"))
    index = argument(args, kwargs, 1, "index")
    if at is None or not is_int(index):
        return Shape.anything()
    size = shape.dims[at]
    if is_int(size) and not -size <= index < size:
        return Shape.anything()
    return Shape((*shape.dims[:at], *shape.dims[at + 1 :]), shape.open, shape.dtype)


def diagonal(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``x.diagonal(offset, dim1, dim2)``: both dimensions are gone and the diagonal's length is the last one."""
    offset = argument(args, kwargs, 0, "offset", 0)
    first = position(shape, argument(args, kwargs, 1, "dim1", 0))
    second = position(shape, argument(args, kwargs, 2, "dim2", 1))
    if first is None or second is None or first == second or not is_int(offset) or shape.open:
        return Shape.anything()
    rows, columns = shape.dims[first], shape.dims[second]
    if not (is_int(rows) and is_int(columns)):
        return Shape.anything()
    length = min(rows, columns - offset) if offset >= 0 else min(rows + offset, columns)
    kept = tuple(dim for at, dim in enumerate(shape.dims) if at not in (first, second))
    return Shape((*kept, max(length, 0)), dtype=shape.dtype)


def diff(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``x.diff(n=1, dim=-1)``: that dimension ``n`` shorter, down to 0 (a ``prepend`` or ``append`` is not
    followed)."""
    count, dim = argument(args, kwargs, 0, "n", 1), argument(args, kwargs, 1, "dim", -1)
    if len(args) > 2 or kwargs.keys() - {"n", "dim"} or not is_int(count) or count < 0:
        return Shape.anything()
    if count == 0:
        return shape  # torch hands the tensor back without reading ``dim``
    at = position(shape, dim)
    if at is None or not shape.dims:
        return Shape.anything()
    size = shape.dims[at]
    return with_size(shape, at, max(size - count, 0) if is_int(size) else UNKNOWN)


def tile(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``x.tile((2, 1))``: ``repeat``, with counts for the leading dimensions taken as 1 when fewer are given."""
    given = argument(args, kwargs, 0, "dims")
    counts = list(given) if isinstance(given, (tuple, list)) else list(args)
    if shape.open or not counts:
        return Shape.anything()
    return repeat(shape, [1] * (len(shape.dims) - len(counts)) + counts, {})


def broadcast_to(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``torch.broadcast_to(x, (B, 4))``: ``expand``."""
    return expand(shape, [argument(args, kwargs, 0, "size")], {})


def unflatten(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``x.unflatten(1, (4, -1))``: the dimension split into the sizes given, one of which may be ``-1``."""
    at = position(shape, argument(args, kwargs, 0, "dim"))
    sizes = argument(args, kwargs, 1, "sizes")
    if at is None or not isinstance(sizes, (tuple, list)) or not sizes or not all(is_int(size) for size in sizes):
        return Shape.anything()
    size, known = shape.dims[at], product(size for size in sizes if size != -1)
    if list(sizes).count(-1) > 1 or not is_int(known):
        return Shape.anything()
    if -1 in sizes:
        if not is_int(size) or known == 0 or size % known:
            return Shape.anything()
        sizes = [size // known if part == -1 else part for part in sizes]
    elif is_int(size) and known != size:
        return Shape.anything()
    return Shape((*shape.dims[:at], *sizes, *shape.dims[at + 1 :]), shape.open, shape.dtype)


def matrix_transpose(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``w.t()``: a matrix's two dimensions swapped; a vector or a scalar as it is; more dimensions are refused."""
    if shape.open or len(shape.dims) > 2 or args or kwargs:
        return Shape.anything()
    return Shape(tuple(reversed(shape.dims)), dtype=shape.dtype)


def reversed_dims(shape: Shape) -> Shape:
    """``x.T``: every dimension in reverse order."""
    return Shape.anything() if shape.open else Shape(tuple(reversed(shape.dims)), dtype=shape.dtype)


def last_two_swapped(shape: Shape) -> Shape:
    """``x.mT``: the last two dimensions swapped, for a batch of matrices."""
    if shape.open or len(shape.dims) < 2:
        return Shape.anything()
    return Shape((*shape.dims[:-2], shape.dims[-1], shape.dims[-2]), dtype=shape.dtype)


def _integers(rule: Rule) -> Rule:
    """``rule``, whose result holds indices or bools (our integer kind)."""

    def of_integers(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
        return rule(shape, args, kwargs).with_dtype("int")

    return of_integers


def _counted(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``x.count_nonzero(dim)``: a reduction with no ``keepdim``."""
    return reduce(shape, [argument(args, kwargs, 0, "dim")], {})


def _norm(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``x.norm(p, dim, keepdim)``: its order comes first, so ``x.norm(2, 1)`` reduces dimension 1."""
    dim, keepdim = argument(args, kwargs, 1, "dim"), argument(args, kwargs, 2, "keepdim", False)
    return reduce(shape, [dim, keepdim], {})


RULES: dict[str, Rule] = {
    "movedim": movedim,
    "moveaxis": movedim,
    "narrow": narrow,
    "select": select,
    "diagonal": diagonal,
    "diff": diff,
    "tile": tile,
    "broadcast_to": broadcast_to,
    "unflatten": unflatten,
    "t": matrix_transpose,
    "norm": _norm,
    "count_nonzero": _integers(_counted),
    **dict.fromkeys(("argmax", "argmin", "any", "all"), _integers(reduce)),
    **dict.fromkeys(
        ("isnan", "isinf", "isfinite", "isposinf", "isneginf", "signbit", "logical_not", "argsort"),
        _integers(unchanged),
    ),
}
"""The rules of this module by method name (and ``torch.<name>`` function)."""

ATTRIBUTES: dict[str, Callable[[Shape], Shape]] = {"T": reversed_dims, "mT": last_two_swapped}
"""Tensor attributes that are views of other shapes."""
