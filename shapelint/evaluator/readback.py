"""Reading a size expression in a scope kept from a run, without running anything.

A fix may write the expression that produces a size (``2 * hidden``,
``512 * block.expansion``) instead of the number one configuration needs.  Each
candidate is read here in the scope of every run that checked the layer, so a
fix is only offered where it gives the right size in all of them.  Only names,
attributes and integer arithmetic are read; anything else is unknown.
"""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator import classes, options
from shapelint.evaluator.values import (
    ClassValue,
    FieldDefault,
    Function,
    Instance,
    Layer,
    ListValue,
    ModuleValue,
    Options,
    Scope,
)

_ARITHMETIC = {
    cst.Add: lambda a, b: a + b,
    cst.Subtract: lambda a, b: a - b,
    cst.Multiply: lambda a, b: a * b,
    cst.FloorDivide: lambda a, b: a // b if b else UNKNOWN,
}


def read(node: cst.BaseExpression, scope: Scope) -> object:
    """The value of ``node`` in ``scope`` as it stands: an ``int`` for a size, else ``UNKNOWN``."""
    value = _value(node, scope)
    return value if _is_size(value) else UNKNOWN


def _value(node: cst.BaseExpression, scope: Scope) -> object:
    """Any value a size is read through: a number, an instance, a class, a module, a list, a tuple."""
    if isinstance(node, cst.Integer):
        return node.evaluated_value
    if isinstance(node, cst.Name):
        return scope.lookup(node.value)
    if isinstance(node, cst.Attribute):
        return member(_value(node.value, scope), node.attr.value)
    if isinstance(node, cst.Subscript):
        return _item(node, scope)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        inner = read(node.expression, scope)
        return -inner if isinstance(inner, int) else UNKNOWN
    if isinstance(node, cst.BinaryOperation) and type(node.operator) in _ARITHMETIC:
        left, right = read(node.left, scope), read(node.right, scope)
        return _ARITHMETIC[type(node.operator)](left, right) if _is_size(left) and _is_size(right) else UNKNOWN
    return UNKNOWN


def _item(node: cst.Subscript, scope: Scope) -> object:
    """``widths[-1]``: an item of a list or tuple at a whole-number index."""
    if len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
        return UNKNOWN
    index = read(node.slice[0].slice.value, scope)
    owner = _value(node.value, scope)
    items = owner.items if isinstance(owner, ListValue) else owner if isinstance(owner, tuple) else None
    if not isinstance(index, int) or items is None or not -len(items) <= index < len(items):
        return UNKNOWN
    return items[index]


def member(owner: object, name: str) -> object:
    """``owner.name`` for the objects a size is read from: instances, classes, modules, options, layers."""
    if isinstance(owner, Instance):
        found = owner.attributes.get(name, UNKNOWN)
        return found if found is not UNKNOWN else _class_member(owner.cls, name)
    if isinstance(owner, ClassValue):
        return _class_member(owner, name)
    if isinstance(owner, ModuleValue):
        return owner.scope.vars.get(name, UNKNOWN)
    if isinstance(owner, Options):
        return options.attribute(owner, name)
    if isinstance(owner, Layer) and name in owner.kind.attributes:
        return owner.args.get(name, UNKNOWN)
    return UNKNOWN


def _class_member(cls: ClassValue, name: str) -> object:
    found = classes.class_attribute(cls, name)
    if isinstance(found, FieldDefault):
        return found.default
    return UNKNOWN if isinstance(found, Function) else found


def visible_sizes(scope: Scope) -> Iterator[tuple[str, object]]:
    """Sizes readable by a name at a place, nearest first: its function's names, then the enclosing ones and the
    module's, then one attribute of any of them (``self.inplanes``, ``config.n_embd``, ``block.expansion``), then
    the first and last items of their lists (``widths[-1]``)."""
    holders: list[tuple[str, object]] = []
    sequences: list[tuple[str, list[object] | tuple[object, ...]]] = []
    seen: set[str] = set()
    for current in _chain(scope):
        for name, value in current.vars.items():
            if name in seen or name.startswith("__"):
                continue
            seen.add(name)
            if _is_size(value):
                yield name, value
            elif isinstance(value, (Instance, ClassValue, ModuleValue, Options)):
                holders.append((name, value))
            elif isinstance(value, tuple) or (isinstance(value, ListValue) and value.items is not None):
                sequences.append((name, value if isinstance(value, tuple) else value.items or []))
    for name, holder in holders:
        for attribute, value in _attributes(holder):
            if _is_size(value):
                yield f"{name}.{attribute}", value
    for name, items in sequences:
        for index in (0, -1):
            if items and _is_size(items[index]):
                yield f"{name}[{index}]", items[index]


def loop_bound(scope: Scope) -> frozenset[str]:
    """The names ``for`` loops have bound where ``scope`` reads them, its own and its enclosing bodies'."""
    return frozenset().union(*(current.loop_bound for current in _chain(scope)))


def layer_attribute(scope: Scope, layer: Layer) -> str | None:
    """How the code at a place can reach ``layer``: ``self.conv3`` for a layer its ``self`` holds."""
    for current in _chain(scope):
        for name, value in current.vars.items():
            held = value.attributes if isinstance(value, Instance) else {}
            attribute = next((key for key, item in held.items() if item is layer), None)
            if attribute is not None:
                return f"{name}.{attribute}"
    return None


def _chain(scope: Scope) -> Iterator[Scope]:
    """``scope`` and the bodies around it, nearest first."""
    current: Scope | None = scope
    while current is not None:
        yield current
        current = current.parent


def _attributes(holder: object) -> list[tuple[str, object]]:
    if isinstance(holder, Instance):
        return [*holder.attributes.items(), *_class_items(holder.cls)]
    if isinstance(holder, ClassValue):
        return _class_items(holder)
    if isinstance(holder, ModuleValue):
        return list(holder.scope.vars.items())
    if isinstance(holder, Options) and holder.values is not None:  # ``vars(cfg)[1] = 2`` names no attribute
        return [(key, value) for key, value in holder.values.items() if isinstance(key, str) and key.isidentifier()]
    return []


def _class_items(cls: ClassValue) -> list[tuple[str, object]]:
    items = [(name, _class_member(cls, name)) for name in cls.attributes]
    for base in cls.bases:
        if isinstance(base, ClassValue):
            items.extend(_class_items(base))
    return items


def _is_size(value: object) -> bool:
    return type(value) is int
