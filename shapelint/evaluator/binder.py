"""Branches that may or may not run: each is walked on a state of its own, and the join keeps what they agree on.

This is the evaluator's counterpart of mypy's binder.  While any uncertain
branch runs, every list it mutates and every attribute it sets becomes
unknown (the handlers ask :attr:`Binder.depth`), so no later check relies on
a guess.  A ``return`` inside an uncertain branch makes the function's result
unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator import operators
from shapelint.evaluator.control import LoopExit, Raise, Return
from shapelint.evaluator.values import Scope

Run = Callable[[Sequence[cst.CSTNode], Scope], None]


class Binder:
    """How deep in uncertain code the evaluation is, and whether a function returned there."""

    def __init__(self, run: Run) -> None:
        self.run = run
        self.depth = 0
        self.returned = False
        """A ``return`` was reached on an uncertain path of the function being run."""

    @contextmanager
    def uncertainty(self) -> Iterator[None]:
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1

    def branches(self, scope: Scope, *bodies: Sequence[cst.CSTNode]) -> None:
        """Walk each body as if it might run, then forget the names they disagree on."""
        before = dict(scope.vars)
        outcomes: list[dict[str, object]] = []
        with self.uncertainty():
            for body in bodies:
                scope.vars = dict(before)
                try:
                    self.run(body, scope)
                except Return:
                    self.returned = True
                    continue
                except Raise:
                    continue
                except LoopExit:
                    pass
                outcomes.append(scope.vars)
        scope.vars = merge(before, outcomes)


def merge(before: dict[str, object], outcomes: list[dict[str, object]]) -> dict[str, object]:
    """Names after alternative paths: a value survives only where every path agrees."""
    if not outcomes:
        return before
    merged: dict[str, object] = {}
    for name in set().union(*outcomes):
        values = [outcome.get(name, UNKNOWN) for outcome in outcomes]
        first = values[0]
        merged[name] = first if all(operators.identical(first, other) for other in values[1:]) else UNKNOWN
    return merged
