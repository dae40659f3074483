"""torchinfo's totals, computed statically: trainable parameters, multiply-adds, and the memory of one forward.

The numbers follow torchinfo's own accounting (float32 parameters, activations and input, int64 indices for an
embedding, an activation counted twice
for its gradient when its layer has parameters), so the two can be compared; a symbolic batch is taken as 1.  The
input size is its data alone, where torchinfo adds the size of the Python object holding it (64 bytes).
Anything that cannot be known exactly is ``None``, shown as ``?``, never estimated.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from shapelint.catalog import Args, LayerKind, mult_adds, parameter_count
from shapelint.dims import Shape, Symbol, is_int

FLOAT_BYTES = 4
INDEX_BYTES = 8
"""torch's default float32, and the int64 of a token index."""
INDEX_KINDS = frozenset({"Embedding", "EmbeddingBag"})
"""Layers whose input is indices: the input torchinfo would be given is int64."""
FREEZING = ("requires_grad", "freeze")
"""Words in a source that may leave parameters untrained: then the trainable count is not known."""


class Layer(Protocol):
    """A layer as both summaries hold one: the linter's evaluated call and the runtime's built layer alike."""

    @property
    def kind(self) -> LayerKind: ...

    @property
    def args(self) -> Args: ...


@dataclass(frozen=True, slots=True)
class Totals:
    trainable: int | None = None
    mult_adds: int | None = None
    input_bytes: int | None = None
    activation_bytes: int | None = None
    """Forward/backward pass size: each output of a layer with parameters, twice (for its gradient)."""
    param_bytes: int | None = None
    batch: str | None = None
    """The symbolic batch taken as 1 for the sizes and mult-adds."""


def concrete(shape: Shape, batch: Symbol | None) -> tuple[int, ...] | None:
    """The sizes of ``shape`` with the batch taken as 1; ``None`` while any other size is unknown or symbolic."""
    if shape.open:
        return None
    dims = [1 if batch is not None and dim == batch else dim for dim in shape.dims]
    return tuple(dims) if all(is_int(dim) for dim in dims) else None  # type: ignore[arg-type]


def batch_of(shape: Shape) -> Symbol | None:
    first = shape.dims[0] if shape.dims and not shape.open else None
    return first if isinstance(first, Symbol) else None


def row_mult_adds(layer: Layer, output: Shape, batch: Symbol | None) -> int | None:
    sizes = concrete(output, batch)
    return None if sizes is None else mult_adds(layer.kind, layer.args, sizes)


def totals(
    source: str,
    inputs: Sequence[Shape],
    trace: Sequence[tuple[Layer, Shape]],
    layers: Sequence[Layer] | None,
    params: int | None,
) -> Totals:
    """The footer's numbers for one forward of ``inputs`` (one per argument) that applied ``trace``'s layers, of a
    model made of ``layers`` (``None`` when it may hold others)."""
    batch = batch_of(inputs[0])
    embedding = len(inputs) == 1 and bool(trace) and trace[0][0].kind.name in INDEX_KINDS
    input_sizes = [_bytes(shape, batch, embedding) for shape in inputs]
    ran = {id(layer) for layer, _ in trace}
    skipped = [layer for layer in layers or () if id(layer) not in ran and parameter_count(layer.kind, layer.args) != 0]
    complete = layers is not None and not skipped
    adds, activations = _work(trace, batch) if complete else (None, None)
    return Totals(
        trainable=None if params is None or any(word in source for word in FREEZING) else params,
        mult_adds=adds,
        input_bytes=None if None in input_sizes else sum(size for size in input_sizes if size is not None),
        activation_bytes=activations,
        param_bytes=None if params is None else params * FLOAT_BYTES,
        batch=None if batch is None else str(batch),
    )


def _bytes(shape: Shape, batch: Symbol | None, indices: bool) -> int | None:
    sizes = concrete(shape, batch)
    element = INDEX_BYTES if indices or shape.dtype == "int" else FLOAT_BYTES
    return None if sizes is None else math.prod(sizes) * element


def _work(trace: Sequence[tuple[Layer, Shape]], batch: Symbol | None) -> tuple[int | None, int | None]:
    """Total mult-adds and forward/backward bytes; unknown when any layer's are, or when a layer with parameters
    appears twice (a loop and both arms of an unknown condition look alike, and only one of them runs it twice)."""
    adds = activations = 0
    seen: set[int] = set()
    for layer, output in trace:
        params = parameter_count(layer.kind, layer.args)
        if params is None or (params and id(layer) in seen):
            return None, None
        seen.add(id(layer))
        if not params:
            continue
        count, sizes = row_mult_adds(layer, output, batch), concrete(output, batch)
        if count is None or sizes is None:
            return None, None
        adds += count
        element = INDEX_BYTES if output.dtype == "int" else FLOAT_BYTES
        activations += 2 * math.prod(sizes) * element
    return adds, activations
