"""Nested tuples of tensors, as torch's ``forward`` takes and returns them: ``lstm(x, (h, c))`` gives
``(out, (h, c))``, attention ``(out, None)`` without weights.

A graph node keeps its tensors in one flat tuple and the nesting as a template, so its symbolic call, its run on
arrays and its line of torch code all take and give the same structure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

Template = int | None | tuple["Template", ...]
"""A leaf's index in the flat tuple, ``None`` where torch gives None, or a tuple of templates."""
Leaf = TypeVar("Leaf")


def flatten(value: object, leaves: list[Any]) -> Template:
    """Append the leaves of ``value`` (anything but tuples and None) to ``leaves``; return its template."""
    if value is None:
        return None
    if isinstance(value, tuple):
        return tuple(flatten(item, leaves) for item in value)
    leaves.append(value)
    return len(leaves) - 1


def fill(template: Template, leaves: Sequence[Leaf]) -> object:
    """The structure of ``template`` with ``leaves`` in its places."""
    if template is None:
        return None
    if isinstance(template, tuple):
        return tuple(fill(item, leaves) for item in template)
    return leaves[template]


def code(template: Template, names: Sequence[str], missing: str = "None") -> str:
    """``template`` as a Python expression over the variables ``names``: ``(h, c)``, ``(y,)``; ``missing`` for None."""
    if template is None:
        return missing
    if isinstance(template, tuple):
        items = [code(item, names, missing) for item in template]
        return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"
    return names[template]


def target(template: Template, names: Sequence[str]) -> str:
    """The left-hand side that unpacks ``template`` as torch code would: ``y, (h, c)``, ``y, _``."""
    text = code(template, names, missing="_")
    return text[1:-1] if isinstance(template, tuple) and len(template) > 1 else text
