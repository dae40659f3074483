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
from dataclasses import dataclass, field

import libcst as cst

from shapelint.dims import UNKNOWN, Shape
from shapelint.evaluator import operators
from shapelint.evaluator.control import LoopExit, Raise, Return
from shapelint.evaluator.values import (
    Alternatives,
    ClassValue,
    Function,
    Instance,
    Layer,
    Origin,
    Scope,
    SequentialValue,
    Tensor,
    birth,
)

Run = Callable[[Sequence[cst.CSTNode], Scope], None]


@dataclass
class Iteration:
    """One iteration of a loop over known items whose body may ``break`` or ``continue``."""

    exits: list[dict[str, object]] = field(default_factory=list)
    """The names on each path that left the iteration on a condition that could not be decided."""
    raised: int = 0
    """How much uncertainty such exits added to the rest of the iteration, which only some paths run."""


class Binder:
    """How deep in uncertain code the evaluation is, and whether a function returned there."""

    def __init__(self, run: Run) -> None:
        self.run = run
        self.depth = 0
        self.starts: list[int] = []
        """Where each open uncertain path began (:func:`~shapelint.evaluator.values.birth`), innermost last."""
        self.returned = False
        """A ``return`` was reached on an uncertain path of the function being run."""
        self.returns: list[object] = []
        """What each ``return`` reached on an uncertain path of the function being run gave."""
        self.iteration: Iteration | None = None
        """The iteration of the innermost loop over known items, which joins the paths that leave it early."""

    @contextmanager
    def uncertainty(self) -> Iterator[None]:
        self._begin()
        try:
            yield
        finally:
            self._end(1)

    def returned_on_a_path(self, value: object) -> None:
        """A ``return value`` reached on a path that may not run: the call gives it, or what another path gives."""
        self.returned = True
        self.returns.append(value)

    def fresh(self, value: object) -> bool:
        """Whether ``value`` was made on the innermost uncertain path: it exists only there, so what that path does
        to it (a constructor setting its attributes, ``layers.append``) is exact."""
        born = getattr(value, "born", None)
        return self.depth > 0 and born is not None and born > self.starts[-1]

    def _begin(self) -> None:
        self.depth += 1
        self.starts.append(birth())

    def _end(self, count: int) -> None:
        self.depth -= count
        del self.starts[len(self.starts) - count :]

    @contextmanager
    def known_iteration(self) -> Iterator[Iteration]:
        outer, self.iteration = self.iteration, Iteration()
        try:
            yield self.iteration
        finally:
            self._end(self.iteration.raised)
            self.iteration = outer

    @contextmanager
    def outside_known_loops(self) -> Iterator[None]:
        """A loop run as a branch that may or may not run: its exits are its own, not an outer iteration's."""
        outer, self.iteration = self.iteration, None
        try:
            yield
        finally:
            self.iteration = outer

    def branches(self, scope: Scope, *bodies: Sequence[cst.CSTNode], choice: cst.If | None = None) -> None:
        """Walk each body as if it might run, then forget the names they disagree on.

        ``choice``: the bodies are the alternatives of this ``if``, exactly one of which runs, so a tensor
        every path leaves in a name keeps the dimensions they agree on (:func:`join_tensors`).  When no path goes
        on and one returns (``if cuda: return x.cuda()`` / ``else: return x``), what follows never runs: the call
        gives what the paths returned, not also what falling off its end would.
        """
        before = dict(scope.vars)
        outcomes: list[dict[str, object]] = []
        returned: list[object] = []
        exits = self.iteration.exits if self.iteration is not None else None
        exited = len(exits) if exits is not None else 0
        raised: list[dict[str, object]] = []
        with self.uncertainty():
            for body in bodies:
                scope.vars = dict(before)
                try:
                    self.run(body, scope)
                except Return as path_return:
                    self.returned_on_a_path(path_return.value)
                    returned.append(path_return.value)
                    continue
                except Raise:
                    raised.append(scope.vars)
                    continue
                except LoopExit:
                    if exits is not None:
                        exits.append(scope.vars)
                        continue
                outcomes.append(scope.vars)
        if len(raised) == len(bodies):
            scope.vars = merge(before, raised)  # what a handler sees
            raise Raise  # every path raised: none goes on
        scope.vars = merge(before, outcomes, choice)
        if exits is not None and self.iteration is not None and len(exits) > exited:
            self._after_uncertain_exit(self.iteration, outcomes)
        if returned and not outcomes:
            raise Return(returned[-1])

    def _after_uncertain_exit(self, iteration: Iteration, stayed: list[dict[str, object]]) -> None:
        """Some paths left the iteration: the rest of it runs only on the others, or on none."""
        if not stayed:
            raise LoopExit(is_break=False)
        self._begin()
        iteration.raised += 1


def merge(
    before: dict[str, object], outcomes: list[dict[str, object]], choice: cst.If | None = None
) -> dict[str, object]:
    """Names after alternative paths: a value survives only where every path agrees."""
    if not outcomes:
        return before
    merged: dict[str, object] = {}
    for name in set().union(*outcomes):
        values = [outcome.get(name, UNKNOWN) for outcome in outcomes]
        first = values[0]
        if all(operators.identical(first, other) for other in values[1:]):
            merged[name] = first
        elif choice is not None and all(isinstance(value, Tensor) for value in values):
            merged[name] = join_tensors([value for value in values if isinstance(value, Tensor)], choice)
        elif choice is not None:
            merged[name] = join_models(values, choice)
        else:
            merged[name] = UNKNOWN
    return merged


CHOOSABLE = (Layer, SequentialValue, Instance, Function, ClassValue)
"""What a choice the evaluator cannot decide keeps: models, and the functions and classes of the code that build
them."""


def join_models(values: list[object], choice: cst.CSTNode) -> object:
    """The model after an ``if`` (or of an ``a if c else b``, or an entry of a registry under a key nobody knows)
    whose branches build one: any of them, each a configuration to check (:class:`Alternatives`); the same for the
    functions and classes that build them.  A branch that leaves something unknown makes the choice incomplete;
    one that leaves anything else makes it unknown."""
    options: list[object] = []
    complete = True
    for value in values:
        for option in value.options if isinstance(value, Alternatives) else (value,):
            if option is UNKNOWN:
                complete = False
            elif not isinstance(option, CHOOSABLE):
                return UNKNOWN
            elif all(option is not known for known in options):
                options.append(option)
        complete = complete and (value.complete if isinstance(value, Alternatives) else True)
    if not options:
        return UNKNOWN
    return options[0] if complete and len(options) == 1 else Alternatives(tuple(options), choice, complete)


def join_returns(values: list[object], function: cst.FunctionDef) -> object:
    """What a call gives whose ``return`` statements were reached on paths not all of which run
    (``if not training: return x`` then ``return x * noise``): the value they all give, or the dimensions
    the tensors they give agree on; anything else is unknown."""
    first = values[0]
    if all(operators.identical(first, other) for other in values[1:]):
        return first
    if all(isinstance(value, Tensor) for value in values):
        tensors = [value for value in values if isinstance(value, Tensor)]
        return join_tensors(tensors, function, f"{function.name.value}()")
    return UNKNOWN


def join_tensors(tensors: list[Tensor], choice: cst.CSTNode, joined: str = "the if") -> Tensor:
    """The tensor after an ``if`` (or of an ``a if c else b``) whose every branch leaves one: the dimensions all of
    them agree on.

    ``if self.training: x = self.dropout(x)`` keeps ``x``'s shape; branches that disagree on a size leave
    that size unknown, and branches that disagree on the rank leave only a tensor of unknown shape.
    """
    shapes = [tensor.shape for tensor in tensors]
    first = shapes[0]
    dtype = first.dtype if all(shape.dtype == first.dtype for shape in shapes) else None
    if any(shape.open != first.open or len(shape.dims) != len(first.dims) for shape in shapes):
        return Tensor(Shape.anything().with_dtype(dtype), Origin(joined, choice))
    dims = tuple(dim if all(shape.dims[i] == dim for shape in shapes) else UNKNOWN for i, dim in enumerate(first.dims))
    origins = {id(tensor.origin) for tensor in tensors}
    origin = tensors[0].origin if len(origins) == 1 else Origin(joined, choice)
    return Tensor(Shape(dims, first.open, dtype), origin)
