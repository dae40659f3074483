"""The shapes the editor shows: each layer's input and output, by the line that builds it, where they are exact.

A layer applied more than once (two configurations, an example call with another batch) shows a shape only when
every application agrees; an unknown size anywhere shows nothing.  A hint is never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from shapelint.dims import Shape, is_known

if TYPE_CHECKING:
    from shapelint.evaluator import Tensor


@dataclass(frozen=True, slots=True)
class LayerShapes:
    """What reaches the layer built on ``line`` (1-based) and what it gives."""

    line: int
    before: Shape
    after: Shape


def layer_shapes(text: str, path: str) -> dict[int, LayerShapes]:
    """The exact shapes of the layers built in ``text`` (the file at ``path``), by line; none if it does not parse."""
    from shapelint.evaluator import Tensor, Trace
    from shapelint.lint import PARSE_ERRORS, check_all
    from shapelint.source import parse

    trace: Trace = []
    try:
        checked = check_all(parse(text), path, trace)
    except PARSE_ERRORS:
        return {}
    seen: dict[int, set[tuple[Shape | None, Shape | None]]] = {}
    for layer, result in trace:
        line = checked.sources.positions.of(layer.node).end_line
        tensor = result if isinstance(result, Tensor) else None
        seen.setdefault(line, set()).add((_before(layer, tensor), tensor.shape if tensor is not None else None))
    found = {}
    for line, applications in seen.items():
        if len(applications) != 1:
            continue
        before, after = next(iter(applications))
        if before is not None and after is not None and _exact(before) and _exact(after):
            found[line] = LayerShapes(line, before, after)
    return found


def _before(layer: object, tensor: Tensor | None) -> Shape | None:
    """The shape that reached the layer: a step that keeps the shape keeps the origin of the step before it, so
    only a layer that is its result's producer changed it."""
    if tensor is None:
        return None
    origin = tensor.origin
    if origin is not None and origin.producer is layer:
        return origin.before
    return tensor.shape


def _exact(shape: Shape) -> bool:
    return not shape.open and is_known(shape.dims)
