"""ZeroPad, ConstantPad, ReflectionPad, ReplicationPad and CircularPad in 1, 2 and 3 dimensions.

torch keeps a padding tuple as written and hands it to ``F.pad``, which pads
``len(padding) // 2`` trailing dimensions (last dimension first), whatever the
class name says; negative entries crop.  The rules follow ``F.pad``, and
``F.pad`` itself is the twin of the kind its ``mode`` and length name.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from shapelint.catalog.base import LayerKind, Problem, ShapeError, require
from shapelint.catalog.signature import Args, ArgType, Functional, Param
from shapelint.dims import Dim, Shape, arith, product


@dataclass(frozen=True)
class PadMode:
    """How one ``F.pad`` mode limits ranks and sizes.

    Reflect and replicate may crop single dimensions to 0, but not all of them;
    constant padding crops before it pads, so the crop alone must leave a size >= 0.
    """

    name: str
    needs_nonempty: bool
    side_fits: Callable[[int, int], bool] | None = None
    ranks_follow_padding: bool = True


CONSTANT = PadMode("constant", False, ranks_follow_padding=False)
REFLECT = PadMode("reflect", True, lambda side, length: side < length)
REPLICATE = PadMode("replicate", True)
CIRCULAR = PadMode("circular", False, lambda side, length: side <= length)
PAD_MODES = {"reflect": REFLECT, "replicate": REPLICATE, "circular": CIRCULAR}


def side_pairs(padding: object, count: int) -> tuple[tuple[object, object], ...]:
    """(before, after) per padded dimension, first dimension first; an int pads ``count`` dimensions."""
    flat = tuple(padding) if isinstance(padding, (tuple, list)) else (padding,) * (2 * count)
    if len(flat) % 2:
        raise ShapeError(f"padding {padding!r} must have an even number of entries", Problem.HYPERPARAMETER)
    pairs = [(flat[i], flat[i + 1]) for i in range(0, len(flat), 2)]
    return tuple(reversed(pairs))


def _check_rank(mode: PadMode, shape: Shape, count: int) -> None:
    if shape.rank is None:
        return
    if shape.rank < count or (mode.ranks_follow_padding and shape.rank not in (count + 1, count + 2)):
        raise ShapeError(
            f"{mode.name} padding of {count} dimensions does not accept input of shape {shape}", Problem.RANK
        )


def padded_size(mode: PadMode, length: Dim, before: object, after: object) -> Dim:
    """The size ``F.pad`` gives one dimension, or :class:`ShapeError` where it refuses."""
    if mode.side_fits is not None:
        for side in (before, after):
            require(
                arith(mode.side_fits, side, length),
                f"{mode.name} padding {side} does not fit input size {length}",
            )
    if mode is CONSTANT:
        require(
            arith(lambda n, a, b: n + min(a, 0) + min(b, 0) >= 0, length, before, after),
            f"constant padding ({before}, {after}) crops more than input size {length}",
            Problem.COLLAPSE,
        )
    size = arith(lambda n, a, b: n + a + b, length, before, after)
    require(
        arith(lambda s: s >= 0, size),
        f"{mode.name} padding ({before}, {after}) leaves size {size} of input size {length}",
        Problem.COLLAPSE,
    )
    return size


def _pad_output(mode: PadMode, count: int) -> Callable[[Args, Shape], Shape]:
    def output(args: Args, shape: Shape) -> Shape:
        pairs = side_pairs(args["padding"], count)
        _check_rank(mode, shape, len(pairs))
        lengths = shape.tail(len(pairs))
        sizes = tuple(padded_size(mode, length, *pair) for length, pair in zip(lengths, pairs))
        if mode is CIRCULAR:
            _check_wrapping(shape, lengths, pairs)
        if mode.needs_nonempty:
            empty = all(size == 0 for size in sizes)
            require(not empty, f"{mode.name} padding leaves nothing of input {shape}", Problem.COLLAPSE)
        return shape.with_tail(len(pairs), sizes)

    return output


def _check_wrapping(shape: Shape, lengths: tuple[Dim, ...], pairs: tuple[tuple[object, object], ...]) -> None:
    """What torch's circular padding refuses after the size checks, when every size is known.

    It copies the input's kept part into the output, then each border from the
    output itself (``_pad_circular`` in ATen's PadNd.cpp); with a cropping side
    those copies can mismatch in length, or partly overlap, which ``copy_``
    refuses where it can see the overlap: where every dimension before the
    copied one (batch and channels included) has size 1.
    """
    known = [
        (n, a, b)
        for n, (a, b) in zip(lengths, pairs)
        if isinstance(n, int) and isinstance(a, int) and isinstance(b, int)
    ]
    if len(known) != len(pairs):
        return
    outs = [n + a + b for n, a, b in known]
    lead = shape.dims[: len(shape.dims) - len(pairs)] if not shape.open else None
    lead_size = product(lead) if lead is not None else None
    for index, ((n, a, b), out) in enumerate(zip(known, outs)):
        kept = _slice(out, max(a, 0), out - max(b, 0)), _slice(n, max(-a, 0), n - max(-b, 0))
        before = lead_size if lead_size is None else arith(partial(operator.mul, math.prod(outs[:index])), lead_size)
        seen = before == 1 and 0 not in outs
        borders = []
        if a > 0:
            borders.append((_slice(out, 0, a), _slice(out, out - a - max(b, 0), out - max(b, 0))))
        if b > 0:
            borders.append((_slice(out, out - b, out), _slice(out, max(a, 0), max(a, 0) + b)))
        if not _copies(*kept, False) or not all(_copies(dest, src, seen) for dest, src in borders):
            raise ShapeError(f"circular padding {tuple(pairs)} wraps input {shape} onto itself", Problem.OTHER)


def _slice(size: int, start: int, end: int) -> tuple[int, int]:
    """The range ``tensor[start:end]`` covers along a dimension of ``size``, negative bounds counted from the end."""
    start, end = start + size if start < 0 else start, end + size if end < 0 else end
    start = min(max(start, 0), size)
    return start, min(max(end, start), size)


def _copies(dest: tuple[int, int], src: tuple[int, int], overlap_seen: bool) -> bool:
    """Whether ``copy_`` copies ``src`` into ``dest``: equal lengths or a broadcast one, and no visible partial
    overlap."""
    dest_length, src_length = dest[1] - dest[0], src[1] - src[0]
    if src_length not in (dest_length, 1):
        return False
    overlaps = max(dest[0], src[0]) < min(dest[1], src[1]) and dest != src
    return not (overlap_seen and dest_length and src_length and overlaps)


_F_PAD = (Param("pad"), Param("mode", "constant"), Param("value", None))


def _f_pad(mode: PadMode, count: int) -> Functional:
    """``F.pad(input, pad, mode, value)`` in this mode: constant padding pads as many dimensions as ``pad`` has
    pairs, the other modes ``count``, rounded up so that the rule refuses an odd length as torch does.

    torch wants a sequence for ``pad``, and no ``value`` but 0 outside constant mode.
    """

    def chooses(args: Args) -> bool:
        pad, value = args["pad"], args["value"]
        if args["mode"] != mode.name or not isinstance(pad, (tuple, list)):
            return False
        return mode is CONSTANT or (math.ceil(len(pad) / 2) == count and (value is None or value == 0))

    return Functional("pad", _F_PAD, renamed=(("pad", "padding"),), chooses=chooses)


def _pad(prefix: str, mode: PadMode, count: int, extra: tuple[Param, ...] = (), twin: bool = True) -> LayerKind:
    """``twin``: this kind computes ``F.pad`` in its mode (ConstantPad1d alone for constant)."""
    ranks = (count + 1, count + 2) if mode is CIRCULAR else None
    params = (Param("padding", type=ArgType.SIZE),) + extra
    functionals = (_f_pad(mode, count),) if twin else ()
    return LayerKind(f"{prefix}Pad{count}d", params, _pad_output(mode, count), ranks=ranks, functionals=functionals)


KINDS = tuple(
    kind
    for count in (1, 2, 3)
    for kind in (
        _pad("Zero", CONSTANT, count, twin=False),
        _pad("Constant", CONSTANT, count, (Param("value", type=ArgType.REAL, nullable=True),), twin=count == 1),
        _pad("Reflection", REFLECT, count),
        _pad("Replication", REPLICATE, count),
        _pad("Circular", CIRCULAR, count),
    )
)
