"""``hasattr(self, "shortcut")`` on an attribute that ``__init__`` sets only on some configurations.

Python answers ``False`` once the constructor has run without setting it. The evaluator answers the
same only when nothing it did not follow could have set it: the user classes set ``self.<name>`` in their
``__init__`` and nowhere else, and never write ``self.__dict__`` or ``vars(self)`` wholesale.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

import libcst as cst

from shapelint.evaluator.values import ClassValue
from shapelint.source import syntax_children


def absent_means_false(cls: ClassValue, name: str, ran: Callable[[ClassValue, str], bool]) -> bool:
    """Whether an attribute missing from a constructed instance of ``cls`` is surely missing: only ``__init__`` sets
    it, or the other methods that do have not run yet (RepVGG's ``switch_to_deploy`` sets ``rbr_reparam``, which
    ``forward`` looks for with ``hasattr``); ``ran`` tells whether a class's method of that name ever ran."""
    owners = list(_user_classes(cls))
    setters = [(owner, setter) for owner in owners for setter in _setters(owner.node, name)]
    return (
        bool(setters)
        and all(setter == "__init__" or not ran(owner, setter) for owner, setter in setters)
        and not any(_writes_wholesale(owner.node) for owner in owners)
    )


def _user_classes(cls: ClassValue) -> list[ClassValue]:
    found = [cls]
    for base in cls.bases:
        if isinstance(base, ClassValue):
            found.extend(_user_classes(base))
    return found


@functools.lru_cache(maxsize=4096)
def _setters(node: cst.ClassDef, name: str) -> tuple[str, ...]:
    """The methods of the class body that assign ``self.<name>`` (``setattr`` with that name included)."""
    methods = [s for s in node.body.body if isinstance(s, cst.FunctionDef)]
    return tuple(method.name.value for method in methods if any(_sets(n, name) for n in _walk(method)))


def _sets(node: cst.CSTNode, name: str) -> bool:
    if isinstance(node, cst.Assign):
        return any(_is_self_attribute(target.target, name) for target in node.targets)
    if isinstance(node, (cst.AnnAssign, cst.AugAssign)):
        return _is_self_attribute(node.target, name)
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == "setattr":
        return len(node.args) >= 2 and _is_self(node.args[0].value) and _names(node.args[1].value, name)
    return False


def _is_self_attribute(target: cst.BaseExpression, name: str) -> bool:
    return isinstance(target, cst.Attribute) and _is_self(target.value) and target.attr.value == name


def _is_self(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Name) and node.value == "self"


def _names(string: cst.BaseExpression, name: str) -> bool:
    return isinstance(string, cst.SimpleString) and string.evaluated_value == name


@functools.lru_cache(maxsize=1024)
def _writes_wholesale(node: cst.ClassDef) -> bool:
    return any(_wholesale(n) for n in _walk(node))


def _wholesale(node: cst.CSTNode) -> bool:
    """``self.__dict__`` or ``vars(...)``."""
    if isinstance(node, cst.Attribute):
        return node.attr.value == "__dict__"
    return isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == "vars"


def _walk(root: cst.CSTNode) -> Iterator[cst.CSTNode]:
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(syntax_children(node))
