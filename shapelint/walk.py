"""A fast walk over libcst nodes.

libcst's ``node.children`` runs a visitor per call, which dominated lint time
on large files; reading the dataclass fields directly is an order of
magnitude cheaper.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from functools import cache

import libcst as cst


@cache
def _field_names(node_type: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(node_type))


@cache
def _is_node_type(value_type: type) -> bool:
    return issubclass(value_type, cst.CSTNode)


def children(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """The direct child nodes, in field order."""
    for name in _field_names(type(node)):
        value = getattr(node, name)
        if _is_node_type(type(value)):
            yield value
        elif type(value) in (tuple, list):
            yield from (item for item in value if _is_node_type(type(item)))


def contains(root: cst.CSTNode, wanted: tuple[type, ...], stop: tuple[type, ...] = ()) -> bool:
    """Whether a node of a ``wanted`` type occurs below ``root`` without entering ``stop`` nodes."""
    stack = list(children(root))
    while stack:
        node = stack.pop()
        if isinstance(node, wanted):
            return True
        if not isinstance(node, stop):
            stack.extend(children(node))
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
        if isinstance(node, cst.Name):
            counts[node.value] = counts.get(node.value, 0) + 1
        elif isinstance(node, cst.Attribute):
            stack.append(node.value)
        elif isinstance(node, cst.Arg):
            stack.append(node.value)
        elif not _keeps_attribute(node):
            stack.extend(children(node))
    return counts


def _keeps_attribute(node: cst.CSTNode) -> bool:
    return (
        isinstance(node, cst.Assign)
        and isinstance(node.value, cst.Name)
        and all(isinstance(target.target, cst.Attribute) for target in node.targets)
    )
