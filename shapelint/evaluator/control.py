"""The signals that end a path of evaluation early: ``return``, ``raise``, ``break``/``continue``, and the budget."""

from __future__ import annotations


class OutOfBudget(Exception):
    """The file needs more evaluation steps than a linter may spend on it."""


class Return(Exception):
    """A ``return`` statement, carrying its value to the call."""

    def __init__(self, value: object) -> None:
        self.value = value


class Raise(Exception):
    """A ``raise`` statement: the path that reached it goes no further."""


class LoopExit(Exception):
    """``break`` or ``continue`` reached while executing a loop body."""

    def __init__(self, is_break: bool) -> None:
        self.is_break = is_break
