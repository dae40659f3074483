"""Loops that repeat themselves: a training loop's epochs run the same forward on the same shapes every time.

After each step of a counted loop, the names in scope are summarised (tensors by shape and origin, plain values by
value, lists by their items, anything else by identity).  A step that changed nothing in place and left the same
summary as the step before is the loop repeating itself; its remaining steps then run as a loop of unknown length,
which checks the body once more with the counter unknown (``if epoch == 99:`` included).
"""

from __future__ import annotations

from shapelint.evaluator import operators
from shapelint.evaluator.machine import Machine
from shapelint.evaluator.values import ListValue, Scope, Tensor

MAX_SUMMARISED_ITEMS = 32
"""A longer list is summarised by its identity (an in-place change still counts as a mutation)."""

Summary = tuple[object, ...]


class Repetition:
    """Watches the steps of one loop; :meth:`repeating` says when a step changed nothing."""

    def __init__(self, m: Machine, scope: Scope, counter: frozenset[str]) -> None:
        self.m, self.scope, self.counter = m, scope, counter
        self.depth = len(m.frames)
        self.last: Summary | None = None
        self.changes = self._changes()

    def repeating(self) -> bool:
        """Called after each step: whether it repeated the step before it."""
        summary, changes = self._summary(), self._changes()
        repeated = summary == self.last and changes == self.changes
        self.last, self.changes = summary, changes
        return repeated

    def _changes(self) -> tuple[int, int]:
        """In-place changes that outlive a step: attributes anywhere, items at the loop's depth or above it."""
        items = sum(count for depth, count in self.m.item_changes.items() if depth <= self.depth)
        return self.m.mutations, items

    def _summary(self) -> Summary:
        parts: list[object] = []
        scope: Scope | None = self.scope
        while scope is not None:
            names = sorted(name for name in scope.vars if name not in self.counter)
            parts.append(tuple((name, _summarise(scope.vars[name], 0)) for name in names))
            scope = scope.parent
        return tuple(parts)


def _summarise(value: object, depth: int) -> object:
    if isinstance(value, Tensor) or operators.is_plain(value):
        return value
    if isinstance(value, tuple) and depth < 2:
        return tuple(_summarise(item, depth + 1) for item in value)
    items = value.items if isinstance(value, ListValue) else None
    if items is not None and len(items) <= MAX_SUMMARISED_ITEMS and depth < 2:
        return ("list", tuple(_summarise(item, depth + 1) for item in items))
    return ("object", id(value))
