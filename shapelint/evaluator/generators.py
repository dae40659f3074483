"""Generators of the project fed a data loader: ``def progress(loader): for batch in loader: yield batch``.

A generator's body runs only as it is iterated.  One given a data loader (or what another such generator gives)
runs its body once when it is called, as code that may not run, and each ``yield`` it reaches is noted.  Where every
``yield`` of the body was reached and all gave one value, a loop over the generator binds that value on each step,
as a loop over a loader binds its batch; otherwise nothing is known of what it yields.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator import data_pipeline
from shapelint.evaluator.machine import Machine, Yields
from shapelint.evaluator.values import Scope
from shapelint.source import syntax_children

_SCOPES = (cst.FunctionDef, cst.ClassDef, cst.Lambda)


def takes_data(args: list[object], kwargs: dict[str, object]) -> bool:
    """Whether a call passes a data loader, which a generator's body is then run on."""
    return any(isinstance(arg, data_pipeline.BATCHES) for arg in (*args, *kwargs.values()))


@contextmanager
def collecting(m: Machine, node: cst.FunctionDef) -> Iterator[Yields]:
    """Note what the ``yield`` nodes of ``node``'s body give while it runs."""
    yields = Yields(frozenset(map(id, _own_yields(node.body))))
    m.yielded.append(yields)
    try:
        yield yields
    finally:
        m.yielded.pop()


def ev_yield(m: Machine, node: cst.Yield, scope: Scope) -> object:
    """A ``yield`` run: what it gives is noted for the generator whose body runs; it evaluates to what the caller
    sends, unknown.  ``yield from loader`` gives each batch."""
    value = node.value
    if isinstance(value, cst.From):
        given = data_pipeline.element(m.ev(value.item, scope))
    else:
        given = None if value is None else m.ev(value, scope)
    collector = m.yielded[-1] if m.yielded else None
    if collector is not None and id(node) in collector.expected:
        collector.values.setdefault(id(node), []).append(given)
    return UNKNOWN


def generated(yields: Yields) -> object:
    """The generator a call gave: batches of one value, where every ``yield`` ran and all gave that value."""
    given = [value for values in yields.values.values() for value in values]
    if not given or set(yields.values) != yields.expected or any(value != given[0] for value in given):
        return UNKNOWN
    return data_pipeline.Generated(given[0])


def _own_yields(node: cst.CSTNode) -> Iterator[cst.Yield]:
    for child in syntax_children(node):
        if isinstance(child, cst.Yield):
            yield child
        if not isinstance(child, _SCOPES):
            yield from _own_yields(child)
