"""Dimensions and shapes that may be only partly known.

A dimension is an ``int``, a named :class:`Symbol` (``B``, ``H``) or
:data:`UNKNOWN`.  Arithmetic on anything but ints gives ``UNKNOWN``: the
linter must never guess, so a value it cannot compute silences the checks
that depend on it.

A :class:`Shape` may be *open*: a run of unknown leading dimensions before the
known trailing ones.  That lets ``Linear(10, 20)`` say "the last dimension is
20" even when nothing is known about the input's rank.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal, TypeGuard


@dataclass(frozen=True, slots=True)
class Symbol:
    """A named dimension such as the batch ``B``; equal names are equal sizes.

    ``sizes``, when known, are all the values it can take: a ``DataLoader(ds, batch_size=64)`` over MNIST's 60,000
    samples gives batches of 64 and a last one of 32, one over a dataset of unknown length 1 to 64.  A check that
    fails for every one of them fails on the first batch that reaches it, whichever that is."""

    name: str
    sizes: frozenset[int] | None = field(default=None, repr=False)
    base: Symbol | None = field(default=None, repr=False)
    """The batch this size is a multiple of (``B / 4`` of ``x.view(-1, 12288)`` on ``(B, 3, 32, 32)``)."""
    scale: Fraction = field(default=Fraction(1), repr=False)

    def __str__(self) -> str:
        return self.name

    def scaled(self, factor: Fraction, taken: frozenset[int] | None = None) -> Symbol:
        """``self * factor`` for the sizes ``taken`` of its own (all of them by default; the others failed before)."""
        root, scale, taken = self.base or self, self.scale * factor, self.sizes if taken is None else taken
        sizes = None if taken is None else frozenset(int(size * factor) for size in taken)
        times = f"*{scale.numerator}" if scale.numerator != 1 else ""
        name = f"{root.name}{times}" + (f"/{scale.denominator}" if scale.denominator != 1 else "")
        return Symbol(name, sizes, root, scale)

    def against(self, other: Symbol) -> bool | None:
        """Whether two multiples of one batch are the same size: equal multiples are, others never are."""
        if (self.base or self) != (other.base or other):
            return None
        return self.scale == other.scale

    def may_be(self, size: int) -> bool | None:
        """Whether the symbol can stand for ``size``: ``None`` when its sizes are not known, ``True`` only when
        ``size`` is the one value it takes."""
        if self.sizes is None:
            return None
        if size not in self.sizes:
            return False
        return True if len(self.sizes) == 1 else None


def spelled(dim: object) -> str:
    """A size in a message, with the values a batch symbol stands for: ``B (the batch: 64 or 32)``."""
    if not isinstance(dim, Symbol) or dim.sizes is None:
        return str(dim)
    if dim.base is not None:
        return f"{dim}, with {spelled(dim.base)}"
    ordered = sorted(dim.sizes, reverse=True)
    if len(ordered) > 2 and ordered == list(range(ordered[0], 0, -1)):
        return f"{dim} (the batch: at most {ordered[0]})"
    return f"{dim} (the batch: {' or '.join(map(str, ordered))})"


class Unknown:
    """The single unknown value; compares equal only to itself."""

    _instance: Unknown | None = None

    def __new__(cls) -> Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __str__(self) -> str:
        return "?"

    def __reduce__(self) -> str:
        return "UNKNOWN"


UNKNOWN = Unknown()

Dim = int | Symbol | Unknown
DType = Literal["float", "int"]


def is_int(value: object) -> TypeGuard[int]:
    """True for a real int (``bool`` is not a size)."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_known(value: object) -> bool:
    """True when ``value`` holds no :data:`UNKNOWN` anywhere inside it."""
    if value is UNKNOWN:
        return False
    if isinstance(value, (tuple, list)):
        return all(is_known(item) for item in value)
    return True


def arith(function: Callable[..., int], *dims: object) -> Dim:
    """Apply integer arithmetic, or give ``UNKNOWN`` unless every operand is an int."""
    for dim in dims:
        if not isinstance(dim, int) or isinstance(dim, bool):
            return UNKNOWN
    return function(*dims)


def product(dims: Iterable[Dim]) -> Dim:
    """The number of elements spanned by ``dims``; a lone symbol stays itself."""
    dims = tuple(dims)
    if len(dims) == 1:
        return dims[0]
    total = 1
    for dim in dims:
        if not is_int(dim):
            return UNKNOWN
        total *= dim
    return total


def same(a: object, b: object) -> bool | None:
    """Whether two sizes agree: ``None`` when that cannot be known."""
    if is_known(a) and is_known(b) and not has_symbol(a) and not has_symbol(b):
        return a == b
    if isinstance(a, Symbol) and isinstance(b, Symbol):
        return True if a == b else a.against(b)
    if isinstance(a, Symbol) and is_int(b):
        return a.may_be(b)
    if isinstance(b, Symbol) and is_int(a):
        return b.may_be(a)
    return None


def has_symbol(value: object) -> bool:
    """Whether a size, or any size in a tuple or list of them, is a symbol."""
    if isinstance(value, (tuple, list)):
        return any(has_symbol(item) for item in value)
    return isinstance(value, Symbol)


def equal_shapes(first: Shape, second: Shape) -> bool | None:
    """Whether two shapes are the same: ``None`` when that cannot be known (an unknown size, an open rank)."""
    if _fewer_dimensions(first, second) or _fewer_dimensions(second, first):
        return False
    count = min(len(first.dims), len(second.dims))
    tails = zip(first.dims[len(first.dims) - count :], second.dims[len(second.dims) - count :])
    answers = [same(a, b) for a, b in tails]
    if False in answers:
        return False
    return True if not first.open and not second.open and all(answers) else None


def _fewer_dimensions(first: Shape, second: Shape) -> bool:
    """Whether ``first`` certainly has fewer dimensions than ``second``."""
    return not first.open and len(first.dims) < len(second.dims)


def format_dim(dim: object) -> str:
    return str(dim)


@dataclass(frozen=True, slots=True)
class Shape:
    """A tensor shape; ``open`` means unknown leading dimensions precede ``dims``."""

    dims: tuple[Dim, ...]
    open: bool = False
    dtype: DType | None = None

    @classmethod
    def of(cls, *dims: Dim, dtype: DType | None = None) -> Shape:
        return cls(tuple(dims), dtype=dtype)

    @classmethod
    def anything(cls) -> Shape:
        """A tensor about which nothing is known."""
        return cls((), open=True)

    @property
    def rank(self) -> int | None:
        return None if self.open else len(self.dims)

    @property
    def min_rank(self) -> int:
        return len(self.dims)

    def dim(self, index: int) -> Dim:
        """The size at ``index`` (negative counts from the end), or ``UNKNOWN``."""
        if index < 0:
            return self.dims[index] if -index <= len(self.dims) else UNKNOWN
        if self.open:
            return UNKNOWN
        return self.dims[index] if index < len(self.dims) else UNKNOWN

    def tail(self, count: int) -> tuple[Dim, ...]:
        """The last ``count`` sizes, padded with ``UNKNOWN`` where they are not known."""
        known = self.dims[len(self.dims) - count :] if count else ()
        return (UNKNOWN,) * (count - len(known)) + known

    def with_tail(self, count: int, new_tail: Iterable[Dim], dtype: DType | None = None) -> Shape:
        """Replace the last ``count`` dimensions, keeping the leading ones."""
        head = self.dims[: max(len(self.dims) - count, 0)]
        return Shape(head + tuple(new_tail), self.open, dtype if dtype else self.dtype)

    def with_dtype(self, dtype: DType | None) -> Shape:
        return Shape(self.dims, self.open, dtype)

    def normalize_index(self, index: int) -> int | None:
        """A non-negative position for ``index`` when the rank allows one."""
        if self.open:
            return None
        rank = len(self.dims)
        if not -rank <= index < rank:
            return None
        return index % rank

    def __str__(self) -> str:
        parts = [format_dim(dim) for dim in self.dims]
        if self.open:
            parts.insert(0, "...")
        inner = ", ".join(parts)
        return f"({inner},)" if len(parts) == 1 and not self.open else f"({inner})"


def shape_from_sizes(sizes: Iterable[int], dtype: DType | None = None) -> Shape:
    """A fully known shape, e.g. from ``tuple(tensor.shape)``."""
    return Shape(tuple(sizes), dtype=dtype)
