"""``copy.copy`` and ``copy.deepcopy`` of the values the evaluator models.

Real code clones layers (``nn.ModuleList([copy.deepcopy(layer) for _ in range(n)])``, DETR's ``_get_clones``)
and copies configs before changing them (torchvision's EfficientNet: ``block_cnf = copy.copy(cnf)``, then
``block_cnf.input_channels = ...``).  A copy must be a new object, or a change made to it would show in the
original; a value of a kind this module does not know how to copy is unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from shapelint.dims import UNKNOWN
from shapelint.evaluator.values import (
    Array,
    ClassValue,
    DictValue,
    Function,
    Instance,
    Layer,
    ListValue,
    ModuleRef,
    ModuleValue,
    Partial,
    SequentialValue,
    Tensor,
    birth,
)

_SHARED = (type(None), bool, int, float, complex, str, bytes, Tensor, Array, ClassValue, Function, ModuleRef)
"""Values a copy shares with the original: immutable ones, and those ``copy`` itself never copies (classes,
functions, modules)."""


def copied(value: object, deep: bool) -> object:
    """What ``copy.deepcopy(value)`` (``deep``) or ``copy.copy(value)`` gives."""
    return _copy(value, deep, {})


def _copy(value: object, deep: bool, memo: dict[int, object]) -> object:
    if isinstance(value, _SHARED) or value is UNKNOWN or isinstance(value, ModuleValue):
        return value
    if id(value) in memo:
        return memo[id(value)]
    inner: Callable[[object], object] = (lambda item: _copy(item, deep, memo)) if deep else (lambda item: item)
    if isinstance(value, tuple):
        return tuple(map(inner, value))
    if isinstance(value, Partial):
        return replace(value, args=tuple(map(inner, value.args)), kwargs={k: inner(v) for k, v in value.kwargs.items()})
    made = _container(value, inner, memo)
    return UNKNOWN if made is None else made


def _container(value: object, inner: Callable[[object], object], memo: dict[int, object]) -> object | None:
    """A copy of a mutable value, registered in ``memo`` before its parts are copied (a model that holds itself)."""
    if isinstance(value, Layer):
        layer = memo[id(value)] = replace(value, args={}, arg_nodes=dict(value.arg_nodes))
        layer.args = {name: inner(arg) for name, arg in value.args.items()}
        return layer
    if isinstance(value, SequentialValue):
        sequential = memo[id(value)] = SequentialValue([], value.node, value.input_shape)
        sequential.children = [(name, inner(child)) for name, child in value.children]
        return sequential
    if isinstance(value, ListValue):
        listed = memo[id(value)] = ListValue(None, value.floats)
        listed.items = None if value.items is None else [inner(item) for item in value.items]
        return listed
    if isinstance(value, DictValue):
        mapping = memo[id(value)] = DictValue(None, value.modules)
        mapping.items = None if value.items is None else {key: inner(item) for key, item in value.items.items()}
        return mapping
    if isinstance(value, Instance):
        instance = memo[id(value)] = replace(value, attributes={}, born=birth())
        instance.attributes = {name: inner(item) for name, item in value.attributes.items()}
        held_sequential: object = inner(value.sequential)
        held_layer: object = inner(value.layer)
        instance.sequential = held_sequential if isinstance(held_sequential, SequentialValue) else None
        instance.layer = held_layer if isinstance(held_layer, Layer) else None
        return instance
    return None
