"""The modules a model holds, as torch's ``named_modules`` lists them: for summaries and parameter counts."""

from __future__ import annotations

from collections.abc import Iterator

from shapelint.dims import UNKNOWN
from shapelint.evaluator import operators
from shapelint.evaluator.values import DictValue, Instance, Layer, ListValue, SequentialValue


def named_layers(model: object) -> tuple[dict[int, str], list[Layer] | None]:
    """Each leaf layer's dotted name (its first, as ``named_modules``), and all of them unless some may be missing."""
    names: dict[int, str] = {}
    layers: dict[int, Layer] = {}
    opaque = False
    for name, value in _module_tree(model):
        if isinstance(value, Layer):
            names.setdefault(id(value), name or value.kind.name)
            layers.setdefault(id(value), value)
        opaque = opaque or _opaque(value)
    return names, None if opaque else list(layers.values())


def _module_tree(model: object) -> Iterator[tuple[str, object]]:
    """Every value the model holds with its dotted name, depth first, each container once (torch's order)."""
    seen: set[int] = set()
    stack: list[tuple[str, object]] = [("", model)]
    while stack:
        name, value = stack.pop()
        yield name, value
        if isinstance(value, Instance) and value.layer is not None:
            yield name, value.layer  # a subclass of a torch layer (``class WSConv(nn.Conv2d)``) owns its tensors
        if isinstance(value, Layer) or id(value) in seen:
            continue
        seen.add(id(value))
        stack.extend((f"{name}.{key}" if name else key, child) for key, child in reversed(_children(value)))


def _children(value: object) -> list[tuple[str, object]]:
    if isinstance(value, SequentialValue):
        return list(value.children)
    if isinstance(value, ListValue) and value.items is not None:
        return [(str(i), item) for i, item in enumerate(value.items)]
    if isinstance(value, DictValue) and value.items is not None:
        return [(str(key), item) for key, item in value.items.items()]
    if isinstance(value, Instance):
        tail = value.sequential.children if value.sequential is not None else []
        return [*value.attributes.items(), *tail]
    return []


def _opaque(value: object) -> bool:
    """Whether the model may own modules the evaluator could not follow through ``value``."""
    if isinstance(value, (ListValue, DictValue)):
        return value.items is None
    if isinstance(value, (Layer, SequentialValue, Instance)):
        return False
    return value is UNKNOWN or not operators.is_plain(value)
