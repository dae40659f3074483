"""Writes into a namespace that are not followed name by name: ``vars(x)`` and ``x.__dict__`` (through which
``update`` and item assignment change ``x``), ``setattr`` with a name not known, ``globals().update(...)``,
``globals()[k] = v`` and ``exec(...)`` (nanoGPT's ``exec(open(config).read())``).

What the namespace held of data may have been replaced, so it becomes unknown; its classes, functions and modules
stay (a configuration loop sets sizes, not classes).  Kept as they were, the old values sized layers that the
program builds with the new ones.
"""

from __future__ import annotations

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator import operators
from shapelint.evaluator.classes import dotted
from shapelint.evaluator.values import ClassValue, Function, Instance, ModuleRef, ModuleValue, Options, Scope

_GLOBAL_VIEWS = frozenset({"globals", "locals", "vars"})


def forget_namespace(value: object) -> None:
    """``vars(value)`` or ``value.__dict__`` was handed out: whatever data ``value`` holds may change."""
    if isinstance(value, Instance):
        value.attributes.clear()
        value.known = False
    elif isinstance(value, ClassValue):
        _forget_data(value.attributes)
    elif isinstance(value, ModuleValue):
        _forget_data(value.scope.vars)
    elif isinstance(value, Options):
        value.values = None
    else:
        operators.forget_mutable([value], {})


def forget_scope(scope: Scope) -> None:
    """``exec(...)`` or ``globals().update(...)`` ran in ``scope``: its data and its module's may have changed."""
    while scope is not None:
        _forget_data(scope.vars)
        scope = scope.parent  # type: ignore[assignment]


def writes_scope(node: cst.Call) -> bool:
    """``exec(...)``, ``globals().update(...)``, ``locals().update(...)``, ``vars().update(...)``."""
    if isinstance(node.func, cst.Name):
        return node.func.value == "exec"
    return (
        isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "update"
        and is_scope_view(node.func.value)
    )


def is_scope_view(node: cst.BaseExpression) -> bool:
    """``globals()``, ``locals()``, ``vars()``: the running scope's names as a dict."""
    return (
        isinstance(node, cst.Call)
        and not node.args
        and isinstance(node.func, cst.Name)
        and node.func.value in _GLOBAL_VIEWS
    )


def is_object_setattr(node: cst.Call) -> bool:
    """``object.__setattr__(self, name, value)``: a frozen dataclass's ``__post_init__`` setting a field."""
    return dotted(node.func) == "object.__setattr__"


def _forget_data(names: dict[str, object]) -> None:
    for name, held in names.items():
        if not name.startswith("__") and not isinstance(held, (Function, ClassValue, ModuleValue, ModuleRef)):
            names[name] = UNKNOWN
