"""Shape rules for tensor methods and ``torch`` / ``torch.nn.functional`` functions used in ``forward``.

Functional twins of layers (``F.max_pool2d``, ``F.pad``) are the catalog's,
so each rule still exists once.  Anything not listed gives an unknown shape.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from shapelint.catalog.base import Problem, ShapeError
from shapelint.catalog.families import CATALOG
from shapelint.catalog.functional import functional_rule
from shapelint.dims import UNKNOWN, Dim, Shape, Symbol, arith, is_int, product, same, spelled

Rule = Callable[[Shape, list[object], dict[str, object]], object]

ELEMENTWISE = frozenset(
    [
        "relu", "relu_", "relu6", "leaky_relu", "leaky_relu_", "elu", "elu_", "selu", "celu", "gelu", "silu", "mish",
        "hardswish", "hardsigmoid", "hardtanh", "hardtanh_", "tanh", "sigmoid", "softplus", "softsign", "tanhshrink",
        "threshold", "logsigmoid", "hardshrink", "softshrink", "rrelu", "dropout", "dropout1d", "dropout2d",
        "dropout3d", "alpha_dropout", "feature_alpha_dropout", "softmax", "log_softmax", "softmin", "normalize",
        "contiguous", "float", "double", "half", "bfloat16", "clone", "detach", "to", "cpu", "cuda", "abs", "exp",
        "log", "sqrt", "neg", "sin", "cos", "clamp", "clamp_", "clip", "sign", "square", "exp_", "sigmoid_", "tanh_",
        "to_dense", "to_sparse",
        "requires_grad_", "cumsum", "flip", "roll", "fliplr", "flipud", "masked_fill", "nan_to_num", "round", "floor",
        "ceil", "trunc", "frac", "reciprocal", "rsqrt", "erf", "logit", "tril", "triu", "tril_", "triu_",
        "clamp_min", "clamp_max", "clamp_min_", "clamp_max_", "cumprod", "logcumsumexp", "bernoulli", "log1p", "expm1",
        "log2", "log10", "tan", "atan", "asin", "acos", "sinh", "cosh", "abs_", "neg_", "sqrt_", "gumbel_softmax",
        "group_norm", "batch_norm", "instance_norm", "local_response_norm",
        # in-place fills return their receiver: ``torch.empty(n, k).uniform_(eps, 1 - eps)``
        "uniform_", "normal_", "zero_", "fill_", "bernoulli_", "exponential_", "random_", "geometric_", "cauchy_",
        "log_normal_",
        # writes into the receiver at given indices: the result is the receiver's shape
        "index_add", "index_add_", "index_copy", "index_copy_", "index_fill", "index_fill_", "scatter", "scatter_",
        "scatter_add", "scatter_add_", "scatter_reduce", "scatter_reduce_",
    ]
)


def argument(
    args: list[object], kwargs: dict[str, object], position: int, name: str = "dim", default: object = None
) -> object:
    """The argument ``name``, given by keyword or at ``position``; ``default`` where it is not given."""
    if name in kwargs:
        return kwargs[name]
    return args[position] if len(args) > position else default


def unchanged(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """The rule of an operation whose result has its input's shape."""
    return shape


def _index(shape: Shape, dim: object, extra: int = 0) -> int | None:
    """A non-negative dimension index, or ``None`` when rank or ``dim`` is unknown."""
    if not is_int(dim) or shape.open:
        return None
    rank = len(shape.dims) + extra
    if not -max(rank, 1) <= dim < max(rank, 1):
        raise ShapeError(f"dimension {dim} is out of range for a {len(shape.dims)}-D tensor {shape}", Problem.RANK)
    return dim % max(rank, 1)


def position(shape: Shape, dim: object) -> int | None:
    """Where ``dim`` is in ``shape.dims``: for a shape of unknown rank only a negative ``dim`` within its known
    sizes has a place; raises when ``dim`` is certainly out of range."""
    if shape.open and is_int(dim) and -len(shape.dims) <= dim < 0:
        return len(shape.dims) + dim
    return _index(shape, dim)


def with_size(shape: Shape, at: int, size: Dim) -> Shape:
    """``shape`` with the size at ``at`` replaced."""
    return Shape((*shape.dims[:at], size, *shape.dims[at + 1 :]), shape.open, shape.dtype)


def _sizes(args: list[object], kwargs: dict[str, object] | None = None, keyword: str = "") -> list[object] | None:
    """Sizes given one by one, as one sequence, or (with no positional argument) as the sequence ``keyword`` names.

    ``None`` when they are unknown: a lone unknown argument may be one size or a whole sequence of them
    (``x.view(shp)`` with ``shp = x.size() + (-1,)``), so not even their number is known."""
    if not args and kwargs is not None:
        given = kwargs.get(keyword)
        return list(given) if isinstance(given, (tuple, list)) else []
    if len(args) == 1 and isinstance(args[0], (tuple, list)):
        return list(args[0])
    if len(args) == 1 and not (is_int(args[0]) or isinstance(args[0], Symbol)):
        return None
    return list(args)


def reshape(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``view``/``reshape``, resolving one ``-1`` where the element counts allow."""
    sizes = _sizes(args, kwargs, "shape")
    if sizes is None or not sizes or sizes.count(-1) > 1:
        return Shape.anything()
    written = tuple(s if (is_int(s) and s != -1) or isinstance(s, Symbol) else UNKNOWN for s in sizes)
    dims: list[Dim] = [s for s in sizes if is_int(s) or isinstance(s, Symbol)]
    if shape.open or len(dims) != len(sizes):
        return Shape(written)
    remaining_in, remaining_out = _cancel(list(shape.dims), [s for s in dims if s != -1])
    batch = _only_symbol_left(remaining_in, remaining_out) if -1 in sizes else None
    if batch is not None:
        return Shape(tuple(batch if s == -1 else s for s in dims))
    total_in, total_out = product(remaining_in) if remaining_in else 1, product(remaining_out) if remaining_out else 1
    if not (is_int(total_in) and is_int(total_out)):
        rows = _batch_rows(shape, dims, remaining_in, remaining_out, -1 in sizes)
        return Shape(tuple(rows if s == -1 else s for s in dims)) if rows is not None else Shape(written)
    if -1 in sizes:
        if total_out == 0 or total_in % total_out:
            raise ShapeError(f"cannot view a tensor of shape {shape} as {Shape(tuple(dims))}", Problem.OTHER)
        return Shape(tuple(total_in // total_out if s == -1 else s for s in dims))
    if total_in != total_out:
        raise ShapeError(f"cannot view a tensor of shape {shape} as {Shape(tuple(dims))}", Problem.OTHER)
    return Shape(tuple(dims))


def _batch_rows(
    shape: Shape, dims: list[Dim], remaining_in: list[Dim], remaining_out: list[Dim], inferred: bool
) -> Symbol | None:
    """What ``-1`` stands for when it takes a multiple of the one batch symbol left (``(B, 3, 32, 32).view(-1,
    12288)`` gives ``B/4`` rows, on the batches it fits); raise when the view fits no size the batch can take:
    ``(B, 20, 4, 4).view(-1, 500)`` with batches of 64 and 32 (``B * 320`` elements, never a multiple of 500)."""
    symbols = [d for d in remaining_in if isinstance(d, Symbol)]
    known_in = [d for d in remaining_in if not isinstance(d, Symbol)]
    sizes = symbols[0].sizes if len(symbols) == 1 else None
    if sizes is None or not all(is_int(d) for d in known_in + remaining_out):
        return None
    rest, total_out = product(known_in) if known_in else 1, product(remaining_out) if remaining_out else 1
    if not (is_int(rest) and is_int(total_out)) or total_out == 0:
        return None
    batch = symbols[0]
    fitting = [size for size in sizes if (size * rest % total_out == 0 if inferred else size * rest == total_out)]
    if not fitting:
        raise ShapeError(
            f"cannot view a tensor of shape {shape} as {Shape(tuple(dims))} for any {spelled(batch)}", Problem.OTHER
        )
    if not inferred:
        return None
    return batch.scaled(Fraction(rest, total_out), frozenset(fitting))


def _only_symbol_left(dims_in: list[Dim], dims_out: list[Dim]) -> Symbol | None:
    """The symbol ``-1`` stands for when it is the one symbol left and the known sizes match exactly:
    ``(B, 8, 30, 30).view(-1, 7200)`` keeps ``B``."""
    symbols = [d for d in dims_in if isinstance(d, Symbol)]
    known_in = [d for d in dims_in if not isinstance(d, Symbol)]
    if len(symbols) != 1 or not all(is_int(d) for d in known_in + dims_out):
        return None
    return symbols[0] if product(known_in) == product(dims_out) else None


def _cancel(dims_in: list[Dim], dims_out: list[Dim]) -> tuple[list[Dim], list[Dim]]:
    """Drop sizes both sides share (equal ints or the same symbol) and every 1."""
    for size in list(dims_out):
        if (is_int(size) or isinstance(size, Symbol)) and size in dims_in:
            dims_in.remove(size)
            dims_out.remove(size)
    return [d for d in dims_in if d != 1], [d for d in dims_out if d != 1]


@dataclass(frozen=True)
class IndexList:
    """A one-dimensional index (``x[idx]``, ``x[:, [0, 2]]``): it picks ``size`` entries of one dimension, unknown
    for a tensor that may be a mask."""

    size: Dim


def index(shape: Shape, items: list[object]) -> Shape:
    """Indexing: ints drop a dimension, slices keep it, ``None`` adds one, ``...`` fills the rest; one-dimensional
    index lists take the place of the dimensions they index, as numpy's advanced indexing does."""
    if shape.open or any(item is UNKNOWN for item in items) or items.count(Ellipsis) > 1:
        return Shape.anything()
    consumed = sum(1 for item in items if item is not None and item is not Ellipsis)
    if consumed > len(shape.dims):
        scalar = "; a 0-D tensor is one value, which `.item()` gives" if not shape.dims else ""
        raise ShapeError(f"too many indices for a {len(shape.dims)}-D tensor {shape}{scalar}", Problem.RANK)
    at = items.index(Ellipsis) if Ellipsis in items else len(items)
    items = items[:at] + [slice(None)] * (len(shape.dims) - consumed) + items[at + 1 :]
    if any(isinstance(item, IndexList) for item in items):
        return _advanced(shape, items)
    dims = list(shape.dims)
    result: list[Dim] = []
    for item in items:
        if item is None:
            result.append(1)
        elif isinstance(item, slice):
            result.append(_sliced(dims.pop(0), item))
        else:
            dims.pop(0)
    return Shape(tuple(result), dtype=shape.dtype)


def _advanced(shape: Shape, items: list[object]) -> Shape:
    """Index lists broadcast to one list of picks, in place of the dimensions they index when they stand together,
    else first.  torch selects along the ints first (``x[0, :, idx]`` is ``x[0][:, idx]``, where numpy would put
    the picks first)."""
    if None in items:
        return Shape.anything()
    left = [(dim, item) for dim, item in zip(shape.dims, items) if isinstance(item, (slice, IndexList))]
    picked = [i for i, (_, item) in enumerate(left) if isinstance(item, IndexList)]
    sizes = [item.size for _, item in left if isinstance(item, IndexList)]
    picks: Dim = sizes[0] if all(same(size, sizes[0]) for size in sizes) else UNKNOWN
    kept = [_sliced(dim, item) if isinstance(item, slice) else None for dim, item in left]
    if picked == list(range(picked[0], picked[-1] + 1)):
        dims = [*kept[: picked[0]], picks, *kept[picked[-1] + 1 :]]
    else:
        dims = [picks, *kept]
    return Shape(tuple(dim for dim in dims if dim is not None), dtype=shape.dtype)


def _sliced(size: Dim, part: slice) -> Dim:
    if part == slice(None):
        return size
    bounds = (part.start, part.stop, part.step)
    if not is_int(size) or not all(b is None or is_int(b) for b in bounds):
        return UNKNOWN
    return len(range(size)[part])


def flatten(shape: Shape, args: list[object], kwargs: dict[str, object], start: int = 0) -> Shape:
    start_dim = argument(args, kwargs, 0, "start_dim")
    end_dim = argument(args, kwargs, 1, "end_dim")
    bound = {"start_dim": start if start_dim is None else start_dim, "end_dim": -1 if end_dim is None else end_dim}
    return CATALOG["Flatten"].output(bound, shape)


def permute(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    order = _sizes(args, kwargs, "dims")
    if order is None or shape.open or not all(is_int(i) for i in order):
        return Shape.anything()
    if len(order) != len(shape.dims):
        raise ShapeError(f"permute{tuple(order)} does not match a {len(shape.dims)}-D tensor {shape}", Problem.RANK)
    indices = [_index(shape, i) for i in order]
    return Shape(tuple(shape.dims[i] for i in indices if i is not None))


def transpose(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    first, second = _index(shape, argument(args, kwargs, 0, "dim0")), _index(shape, argument(args, kwargs, 1, "dim1"))
    if first is None or second is None:
        return Shape.anything()
    dims = list(shape.dims)
    dims[first], dims[second] = dims[second], dims[first]
    return Shape(tuple(dims))


def unsqueeze(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    index = _index(shape, argument(args, kwargs, 0), extra=1)
    if index is None:
        return Shape.anything()
    return Shape(shape.dims[:index] + (1,) + shape.dims[index:])


def squeeze(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    dim = argument(args, kwargs, 0)
    if shape.open:
        return Shape.anything()
    if dim is None:
        if any(not is_int(d) for d in shape.dims):
            return Shape.anything()
        return Shape(tuple(d for d in shape.dims if d != 1))
    index = _index(shape, dim)
    if index is None or not is_int(shape.dims[index]):
        return Shape.anything()
    return Shape(shape.dims[:index] + shape.dims[index + 1 :]) if shape.dims[index] == 1 else shape


TENSOR_VALUED = frozenset(
    [
        "matmul", "mm", "bmm", "masked_select", "repeat", "expand", "expand_as", "conv1d", "conv2d", "conv3d",
        "conv_transpose1d", "conv_transpose2d", "linear",
        "embedding", "lstm_cell", "bilinear", "outer",
    ]
)


def reduce(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``mean``/``sum``/``amax`` … over ``dim`` with ``keepdim``."""
    dim = argument(args, kwargs, 0)
    keepdim = kwargs.get("keepdim", args[1] if len(args) > 1 else False)
    if dim is None:
        return Shape(())
    if shape.open or keepdim is UNKNOWN:
        return Shape.anything()
    dims = dim if isinstance(dim, (tuple, list)) else (dim,)
    indices = {_index(shape, d) for d in dims}
    if None in indices:
        return Shape.anything()
    if keepdim:
        return Shape(tuple(1 if i in indices else d for i, d in enumerate(shape.dims)))
    return Shape(tuple(d for i, d in enumerate(shape.dims) if i not in indices))


def topk(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``x.topk(k, dim=-1)``: ``dim`` becomes ``k``.  A ``k`` beyond the size, which torch refuses as "selected index
    k out of range", is left unknown: no problem of the catalog names it."""
    k = argument(args, kwargs, 0, "k")
    dim = argument(args, kwargs, 1)
    at = position(shape, -1 if dim is None else dim)
    if at is None or not is_int(k) or k < 0:
        return Shape.anything()
    size = shape.dims[at] if shape.dims else 1
    if is_int(size) and k > size:
        return Shape.anything()
    return with_size(shape, at, k) if shape.dims else shape


def reduce_with_correction(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``std``/``var``: torch's order is ``(dim, unbiased, keepdim)``, so the second positional is not ``keepdim``
    (``x.std(2, True)`` reduces dimension 2); a lone bool is the old ``std(unbiased)``, a full reduction."""
    if args and isinstance(args[0], bool):
        return Shape(())
    return reduce(shape, [*args[:1], *args[2:3]], kwargs)


def broadcast(left: Shape, right: Shape) -> Shape:
    """NumPy broadcasting; raises only when two known sizes certainly clash."""
    length = max(len(left.dims), len(right.dims))
    dims: list[Dim] = []
    for index in range(-length, 0):
        a, b = _aligned(left, index), _aligned(right, index)
        dims.append(_broadcast_dim(a, b, left, right))
    return Shape(tuple(dims), left.open or right.open)


def _aligned(shape: Shape, index: int) -> Dim:
    """The size at ``index`` from the end; a dimension a known rank lacks broadcasts as 1."""
    if -index <= len(shape.dims):
        return shape.dims[index]
    return UNKNOWN if shape.open else 1


def _may_be_one(dim: Dim) -> bool:
    """A batch that may be a single sample broadcasts against any size."""
    return isinstance(dim, Symbol) and dim.sizes is not None and 1 in dim.sizes


def _broadcast_dim(a: Dim, b: Dim, left: Shape, right: Shape) -> Dim:
    """One result size; a known size other than 1 survives an unknown partner, which must be 1 or equal."""
    if a == 1:
        return b
    if b == 1 or same(a, b):
        return a
    if same(a, b) is False and not (_may_be_one(a) or _may_be_one(b)):
        raise ShapeError(f"shapes {left} and {right} cannot be broadcast together", Problem.OTHER)
    if is_int(a):
        return a
    return b if is_int(b) else UNKNOWN


def in_place(left: Shape, right: Shape) -> Shape:
    """``x.add_(y)``, ``x += y``: the result is written into ``x``, so broadcasting may not change its shape (not
    even by a leading 1); raises only where it certainly would."""
    result = broadcast(left, right)
    if left.open or result.open:
        return left
    grown = len(result.dims) > len(left.dims)
    if grown or any(is_int(a) and is_int(b) and a != b for a, b in zip(left.dims, result.dims)):
        raise ShapeError(f"an in-place operation writes into {left}, which cannot take the broadcast shape {result}")
    return left


def matmul(left: Shape, right: Shape) -> Shape | None:
    """``a @ b``: batch dimensions broadcast, (n, k) @ (k, m) gives (n, m); a vector (an operand of rank 1) is a
    row on the left and a column on the right, and is gone from the result (``(B, T, 2H) @ (2H,)`` gives (B, T))."""
    if _vector(left) or _vector(right):
        return _with_vector(left, right)
    if len(left.dims) < 2 or len(right.dims) < 2:
        return None
    if same(left.dims[-1], right.dims[-2]) is False:
        raise ShapeError(f"cannot multiply {left} by {right}: {left.dims[-1]} != {right.dims[-2]}", Problem.OTHER)
    batch = broadcast(Shape(left.dims[:-2], left.open), Shape(right.dims[:-2], right.open))
    return Shape((*batch.dims, left.dims[-2], right.dims[-1]), batch.open)


def cdist(left: Shape, right: Shape) -> Shape | None:
    """``torch.cdist(x1, x2)``: the distance of each row of ``x1`` to each of ``x2``, (P, M) and (R, M) giving
    (P, R), with batch dimensions broadcast; unknown where a rank is not known."""
    if left.open or right.open:
        return None
    if len(left.dims) < 2 or len(right.dims) < 2:
        raise ShapeError(f"cdist takes tensors of at least 2 dimensions, got {left} and {right}", Problem.RANK)
    if same(left.dims[-1], right.dims[-1]) is False:
        raise ShapeError(f"cdist: {left} and {right} must have the same number of columns", Problem.OTHER)
    batch = broadcast(Shape(left.dims[:-2]), Shape(right.dims[:-2]))
    return Shape((*batch.dims, left.dims[-2], right.dims[-2]), dtype="float")


def _vector(shape: Shape) -> bool:
    return not shape.open and len(shape.dims) == 1


def _with_vector(left: Shape, right: Shape) -> Shape | None:
    """torch's reading of a vector operand: a dimension of size 1 added, the product taken, that dimension removed."""
    inner = right.dims[0] if _vector(right) else right.dims[-2] if len(right.dims) >= 2 else UNKNOWN
    if same(left.dims[-1] if left.dims else UNKNOWN, inner) is False:
        raise ShapeError(f"cannot multiply {left} by {right}: {left.dims[-1]} != {inner}", Problem.OTHER)
    row = Shape((1, *left.dims)) if _vector(left) else left
    lifted = matmul(row, Shape((*right.dims, 1)) if _vector(right) else right)
    if lifted is None:
        return None
    dims = lifted.dims[:-1] if _vector(right) else lifted.dims
    if _vector(left):
        dims = dims[:-1] if _vector(right) else dims[:-2] + dims[-1:]
    return Shape(dims, lifted.open)


def concatenate(shapes: Sequence[Shape], dim: object) -> Shape:
    """``torch.cat``: every dimension but ``dim`` must agree."""
    first = shapes[0]
    if not is_int(dim):
        return Shape.anything()
    if any(s.open for s in shapes):
        return _concatenate_tails(shapes, dim)
    index = _index(first, dim)
    assert index is not None
    for other in shapes[1:]:
        if len(other.dims) != len(first.dims):
            raise ShapeError(f"cannot concatenate tensors of shapes {first} and {other}", Problem.RANK)
        for position, (a, b) in enumerate(zip(first.dims, other.dims)):
            if position != index and same(a, b) is False:
                raise ShapeError(
                    f"cannot concatenate {first} and {other} along dim {dim}: dimension {position} differs",
                    Problem.OTHER,
                )
    total = _sum(s.dims[index] for s in shapes)
    return Shape(first.dims[:index] + (total,) + first.dims[index + 1 :])


def _concatenate_tails(shapes: Sequence[Shape], dim: int) -> Shape:
    """``torch.cat`` along a negative ``dim`` of tensors with unknown leading dimensions; it never raises."""
    count = min(len(s.dims) for s in shapes)
    if dim >= 0 or -dim > count:
        return Shape.anything()
    tails = [s.dims[len(s.dims) - count :] for s in shapes]
    dims = [_sum(t[i] for t in tails) if i == count + dim else _agreed([t[i] for t in tails]) for i in range(count)]
    return Shape(tuple(dims), open=True)


def _agreed(dims: list[Dim]) -> Dim:
    """The size that tensors concatenated without error must share there."""
    known = [d for d in dims if is_int(d)]
    if known:
        return known[0]
    return dims[0] if all(d == dims[0] for d in dims) else UNKNOWN


def _sum(dims: object) -> Dim:
    values = list(dims)  # type: ignore[call-overload]
    return sum(values) if all(is_int(v) for v in values) else UNKNOWN


def stack(shapes: Sequence[Shape], dim: object) -> Shape:
    first = shapes[0]
    if any(s.open for s in shapes) or not is_int(dim):
        return Shape.anything()
    for other in shapes[1:]:
        if len(other.dims) != len(first.dims) or any(same(a, b) is False for a, b in zip(first.dims, other.dims)):
            raise ShapeError(f"cannot stack tensors of shapes {first} and {other}", Problem.OTHER)
    index = _index(first, dim, extra=1)
    assert index is not None
    return Shape(first.dims[:index] + (len(shapes),) + first.dims[index:])


MAX_PARTS = 4096
"""More pieces than this from one ``split`` or ``chunk`` are not listed: their shapes are unknown."""


def split(shape: Shape, sizes: object, dim: object, by_count: bool) -> list[Shape] | None:
    """``chunk`` (``by_count``) and ``split`` with known sizes; ``None`` when unknown, or when there would be more
    than :data:`MAX_PARTS` pieces (``x.split(1)`` of a dimension of a billion)."""
    index = _index(shape, dim)
    if index is None or not is_int(shape.dims[index]):
        return None
    length = shape.dims[index]
    assert isinstance(length, int)
    if is_int(sizes) and sizes > 0:
        step = -(-length // sizes) if by_count else sizes
        if step and -(-length // step) > MAX_PARTS:
            return None
        parts = [min(step, length - start) for start in range(0, length, step)] if step else []
    elif isinstance(sizes, (tuple, list)) and all(is_int(s) for s in sizes):
        if sum(sizes) != length:
            raise ShapeError(f"split sizes {tuple(sizes)} do not add up to {length} in {shape}", Problem.OTHER)
        parts = list(sizes)
    else:
        return None
    return [Shape(shape.dims[:index] + (part,) + shape.dims[index + 1 :]) for part in parts]


def size_of(shape: Shape, args: list[object]) -> object:
    """``x.size()`` / ``x.size(i)`` / ``x.shape``."""
    if not args:
        return UNKNOWN if shape.open else tuple(shape.dims)
    dim = args[0]
    if not is_int(dim):
        return UNKNOWN
    return shape.dim(dim) if dim < 0 or not shape.open else UNKNOWN


def expand(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``x.expand(B, -1, -1)``: ``-1`` keeps a size, and new sizes may be prepended."""
    sizes = _sizes(args)
    if sizes is None:
        return Shape.anything()
    lead = len(sizes) - len(shape.dims)
    if shape.open or lead < 0:
        return Shape.anything()
    dims = [shape.dims[i - lead] if size == -1 and i >= lead else _as_dim(size) for i, size in enumerate(sizes)]
    return Shape(tuple(dims))


def repeat(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``x.repeat(B, 1)``: every size times its count, with new leading dimensions of size 1 first."""
    counts = _sizes(args)
    if counts is None:
        return Shape.anything()
    lead = len(counts) - len(shape.dims)
    if shape.open or lead < 0:
        return Shape.anything()
    padded = (1,) * lead + shape.dims
    return Shape(tuple(dim if count == 1 else arith(operator.mul, dim, count) for dim, count in zip(padded, counts)))


def repeat_interleave(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``x.repeat_interleave(2, dim=1)``: that dimension times an int count (every element taken that many times),
    or the flattened tensor times it without ``dim``; the count may be the batch (``cls_token.repeat_interleave(B,
    0)``); counts given as a tensor sum to a size not known."""
    repeats = args[0] if args else kwargs.get("repeats")
    dim = args[1] if len(args) > 1 else kwargs.get("dim")
    if not (isinstance(repeats, Symbol) or (is_int(repeats) and repeats >= 0)) or shape.open:
        return Shape.anything()
    if dim is None:
        return Shape((arith(operator.mul, product(shape.dims) if shape.dims else 1, repeats),), dtype=shape.dtype)
    at = shape.normalize_index(dim) if is_int(dim) and shape.dims else None
    if at is None:
        return Shape.anything()
    return with_size(shape, at, arith(operator.mul, shape.dims[at], repeats))


def resize(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``x.resize_(64, 784)``: the sizes given, whatever the tensor held before."""
    sizes = _sizes(args, kwargs, "size")
    return Shape(tuple(_as_dim(size) for size in sizes)) if sizes else Shape.anything()


def _as_dim(size: object) -> Dim:
    return size if (is_int(size) and size >= 0) or isinstance(size, Symbol) else UNKNOWN


METHODS: dict[str, Rule] = {
    "view": reshape,
    "expand": expand,
    "repeat": repeat,
    "repeat_interleave": repeat_interleave,
    "reshape": reshape,
    "flatten": flatten,
    "permute": permute,
    "transpose": transpose,
    "unsqueeze": unsqueeze,
    "squeeze": squeeze,
    "resize_": resize,
    "unsqueeze_": unsqueeze,
    "squeeze_": squeeze,
    **dict.fromkeys(("transpose_", "swapdims_", "swapaxes_"), transpose),
    **dict.fromkeys(("mean", "sum", "amax", "amin", "prod", "logsumexp", "nansum"), reduce),
    **dict.fromkeys(("std", "var"), reduce_with_correction),
}


IN_PLACE_RESHAPES = frozenset(
    {"resize_", "resize_as_", "unsqueeze_", "squeeze_", "transpose_", "swapdims_", "swapaxes_", "t_", "as_strided_"}
    | {"set_"}
)
"""Tensor methods that change the receiver's own shape: the name that holds it takes the result (or becomes
unknown), or a later layer would be judged on the shape it had before (``images.resize_(64, 784)``)."""


def one_hot(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``F.one_hot(labels, n)``: integers with a last dimension of ``n`` added (of the largest label plus one when
    ``n`` is left at ``-1``)."""
    classes = argument(args, kwargs, 0, "num_classes")
    size = classes if is_int(classes) and classes > 0 else UNKNOWN
    return Shape((*shape.dims, size), shape.open, "int")


def gather(shape: Shape, index: object) -> Shape:
    """``x.gather(dim, index)``: the index's shape, with ``x``'s dtype; unknown where torch would refuse it."""
    if not isinstance(index, Shape) or index.open or shape.open or len(index.dims) != len(shape.dims):
        return Shape.anything()
    return Shape(index.dims, dtype=shape.dtype)


def index_select(shape: Shape, dim: object, index: object) -> Shape:
    """``x.index_select(dim, index)``: ``x``'s shape with ``dim`` as long as the index, a vector (or a scalar) of
    integers; unknown where torch would refuse it."""
    if not isinstance(index, Shape) or index.open or index.dtype != "int" or len(index.dims) > 1 or shape.open:
        return Shape.anything()
    at = shape.normalize_index(dim) if is_int(dim) and shape.dims else None
    if at is None:
        return Shape.anything()
    length = index.dims[0] if index.dims else 1
    return Shape((*shape.dims[:at], length, *shape.dims[at + 1 :]), dtype=shape.dtype)


def functional(name: str) -> Rule | None:
    """The rule for ``torch.<name>`` or ``torch.nn.functional.<name>`` applied to a tensor first argument."""
    if name in ELEMENTWISE:
        return unchanged
    if name == "one_hot":
        return one_hot
    if name in METHODS:
        return METHODS[name]
    return functional_rule(name)
