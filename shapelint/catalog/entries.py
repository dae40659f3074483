"""State-dict entries: names, shapes, and whether they are trained.

Each family file gives its kinds an ``entries`` rule; this module holds the
entry, what those rules share and the one way to read them.  Pure Python, so
the static summary can count parameters without torch or numpy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from shapelint.catalog.base import LayerKind, truthy
from shapelint.catalog.entry import Entry
from shapelint.catalog.signature import Args
from shapelint.dims import is_int


def with_bias(weight: Entry, size: object, bias: object) -> list[Entry]:
    return [weight, Entry("bias", (size,))] if bias else [weight]  # type: ignore[arg-type]


def prefixed(prefix: str, entries: list[Entry]) -> list[Entry]:
    """The entries of a submodule registered as ``prefix``."""
    return [replace(entry, name=f"{prefix}.{entry.name}") for entry in entries]


def known_flag(value: object) -> bool:
    """A flag that decides which tensors exist; unknown is a TypeError, which :func:`state_entries` reads as such."""
    known = truthy(value)
    if known is None:
        raise TypeError("flag not known")
    return known


def state_entries(kind: LayerKind, args: Args) -> list[Entry] | None:
    """A layer's state-dict entries, or ``None`` while a size they need is unknown."""
    if kind.entries is None:
        return []
    try:
        entries = kind.entries(args)
    except (TypeError, ZeroDivisionError):
        return None
    if entries is None or not all(is_int(d) for e in entries for d in e.shape):
        return None
    return entries


def parameter_count(kind: LayerKind, args: Args) -> int | None:
    """How many trained numbers a layer has, as torchinfo counts them."""
    entries = state_entries(kind, args)
    return None if entries is None else sum(e.size for e in entries if e.trainable)


def mult_adds(kind: LayerKind, args: Args, output: Sequence[int]) -> int | None:
    """Multiply-adds of one call whose output has the sizes ``output``, as torchinfo counts them: each parameter's
    size times the output's batch (a convolution's: times its positions; a recurrent weight's: times its steps).
    ``None`` while a size is unknown, and for a layer that runs submodules of its own (MultiheadAttention, the
    Transformer layers), whose work torchinfo counts in those."""
    entries = state_entries(kind, args)
    if entries is None or not output or any("." in entry.name for entry in entries):
        return None
    total = 0
    for entry in (entry for entry in entries if entry.trainable):
        if entry.name in ("weight", "bias"):
            total += entry.size * (math.prod((output[0], *output[2:])) if "Conv" in kind.name else output[0])
        elif "weight" in entry.name or "bias" in entry.name:
            total += entry.size * math.prod(output[:2])
    return total
