"""A fast walk over libcst nodes.

libcst's ``node.children`` runs a visitor per call, which dominated lint time
on large files; reading the dataclass fields directly is an order of
magnitude cheaper.  The searches below also skip the fields that only hold
whitespace and punctuation, half of a tree's nodes, and test node types by
set membership rather than ``isinstance`` (libcst's node classes are ABCs).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import cache

import libcst as cst

_LAYOUT_FIELDS = frozenset(
    {
        "lpar", "rpar", "lbracket", "rbracket", "lbrace", "rbrace", "comma", "colon", "semicolon", "equal",
        "dot", "operator", "leading_lines", "lines_after_decorators", "trailing_whitespace", "header", "footer",
        "first_line", "empty_lines", "last_line", "asynchronous",
    }
)
"""Fields that hold only whitespace, comments or punctuation, never a name or a statement."""


@cache
def _field_names(node_type: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(node_type))


@cache
def _syntax_field_names(node_type: type) -> tuple[str, ...]:
    names = _field_names(node_type)
    return tuple(name for name in names if name not in _LAYOUT_FIELDS and not name.startswith("whitespace"))


def _node_type(value_type: type) -> bool:
    return issubclass(value_type, cst.CSTNode)


_is_node_type: Callable[[type], bool] = cache(_node_type)
"""Memoized: the walk asks about every field of every node, and there are few distinct types."""


def children(node: cst.CSTNode) -> list[cst.CSTNode]:
    """The direct child nodes, in field order."""
    return _children(node, _field_names(type(node)))


def syntax_children(node: cst.CSTNode) -> list[cst.CSTNode]:
    """The direct child nodes that can hold code: no whitespace, comments or punctuation."""
    return _children(node, _syntax_field_names(type(node)))


def _children(node: cst.CSTNode, names: tuple[str, ...]) -> list[cst.CSTNode]:
    """A list, not a generator: most nodes have one or two children, and a generator costs more than they do."""
    found: list[cst.CSTNode] = []
    for name in names:
        value = getattr(node, name)
        if type(value) is tuple or type(value) is list:
            found += value  # libcst's sequence fields hold nodes only
        elif _is_node_type(type(value)):
            found.append(value)
    return found


def contains(
    root: cst.CSTNode,
    wanted: tuple[type, ...],
    stop: tuple[type, ...] = (),
    matches: Callable[[cst.CSTNode], bool] | None = None,
) -> bool:
    """Whether a node of a ``wanted`` type, or one ``matches`` accepts, occurs below ``root`` without entering
    ``stop`` nodes.

    Types match exactly, not by subclass.
    """
    wanted_types, stop_types = frozenset(wanted), frozenset(stop)
    stack = list(syntax_children(root))
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind in wanted_types or (matches is not None and matches(node)):
            return True
        if kind not in stop_types:
            stack.extend(syntax_children(node))
    return False


def name_counts(root: cst.CSTNode) -> dict[str, int]:
    """How often each variable is used below ``root``.

    Attribute and keyword names are not variables, and ``self.x = x`` only
    keeps a value for later, so none of them counts.
    """
    counts: dict[str, int] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        # concrete libcst classes have no subclasses: ``type(...) is`` skips the ABC isinstance check on a hot path
        if type(node) is cst.Name:
            counts[node.value] = counts.get(node.value, 0) + 1
        elif type(node) is cst.Attribute or type(node) is cst.Arg:
            stack.append(node.value)
        elif not _keeps_attribute(node):
            stack.extend(syntax_children(node))
    return counts


def _keeps_attribute(node: cst.CSTNode) -> bool:
    return (
        type(node) is cst.Assign
        and type(node.value) is cst.Name
        and all(type(target.target) is cst.Attribute for target in node.targets)
    )
