"""Functions nobody called: each runs once on its defaults, so the models it builds and calls are checked too.

A method runs on a default construction of its class, and ``forward`` on the
input its class declares (or an unknown tensor).
"""

from __future__ import annotations

import contextlib

from shapelint.dims import Shape
from shapelint.evaluator import classes
from shapelint.evaluator.control import Raise
from shapelint.evaluator.functions import call_function
from shapelint.evaluator.instances import default_instance
from shapelint.evaluator.machine import Machine
from shapelint.evaluator.pytest_arguments import argument_sets
from shapelint.evaluator.values import ClassValue, Function, Instance, Tensor


def run_uncalled_functions(m: Machine) -> None:
    """Analyse every function nobody called, with its defaults and unknown arguments.

    Module-level functions go first: they usually build and call the models, so
    the methods they reach need no second, standalone run.  Of a class's methods, ``__init__`` and ``forward`` go
    first: the others are called on a model that has run.
    """
    done: set[int] = set()
    instances: dict[int, object] = {}
    seen = 0
    while seen < len(m.functions):  # a worklist: the functions the last batch defined (closures) come next
        batch, seen = m.functions[seen:], len(m.functions)
        pending = sorted(
            (f for f in batch if f.calls == 0 and id(f) not in done and id(f.node) not in m.ran),
            key=lambda f: (f.owner is not None, f.node.name.value != "__init__", f.node.name.value != "forward"),
        )
        for function in pending:
            done.add(id(function))
            if function.calls == 0 and id(function.node) not in m.ran:
                with contextlib.suppress(Raise):  # one that raises leaves the others to run
                    _call_standalone(m, function, instances)
    for function in list(m.functions):
        with contextlib.suppress(Raise):
            _run_inherited_forward(m, function, instances)


def _run_inherited_forward(m: Machine, init: Function, instances: dict[int, object]) -> None:
    """A subclass that sets its base's configuration and keeps its ``forward``
    (``class Discriminator32(Discriminator):  # shapelint: input=(B, 3, 32, 32)`` whose ``__init__`` calls
    ``super().__init__(M=32)``): the inherited ``forward`` runs on its default construction with the input its
    class line declares, as a ``forward`` of its own would."""
    owner = init.owner
    if owner is None or init.node.name.value != "__init__" or "forward" in owner.attributes:
        return
    forward = classes.class_attribute(owner, "forward")
    if not isinstance(forward, Function) or m.declared_input(owner, None) is None:
        return
    if id(owner) not in instances:
        instances[id(owner)] = _prepared(m, owner)
    for positional, kwargs in argument_sets(m, forward, skip=1):
        with contextlib.suppress(Raise):
            _run(m, forward, [instances[id(owner)]], positional, kwargs)


def _call_standalone(m: Machine, function: Function, instances: dict[int, object]) -> None:
    """Call ``function`` with its defaults, and ``self`` from a default construction."""
    owner = function.owner
    if owner is None or classes.is_static(function.node) or classes.is_classmethod(function.node):
        _call_on_defaults(m, function, instances)
        return
    start, built = len(m.propagator.mismatches), len(m.record.sequentials)
    try:
        _call_on_defaults(m, function, instances)
    finally:
        found = m.record.on_defaults.setdefault(id(owner.node), [])
        found.extend(id(mismatch) for mismatch in m.propagator.mismatches[start:])
        for sequential, _ in m.record.sequentials[built:]:
            m.record.built_on_defaults.setdefault(id(sequential), id(owner.node))


def _call_on_defaults(m: Machine, function: Function, instances: dict[int, object]) -> None:
    owner = function.owner
    args: list[object] = []
    if owner is not None and not classes.is_static(function.node):
        if classes.is_classmethod(function.node):
            args.append(owner)
        else:
            if id(owner) not in instances:
                instances[id(owner)] = _prepared(m, owner)
                if function.calls:
                    return
            args.append(instances[id(owner)])
    changes = m.changes()
    for positional, kwargs in argument_sets(m, function, skip=len(args)):
        with contextlib.suppress(Raise):  # one parametrized run that raises leaves the others
            _run(m, function, args, positional, kwargs)
    if args and isinstance(args[0], Instance) and m.changes() != changes and function.node.name.value != "forward":
        # each method runs on the default construction as ``forward`` left it (ConViT's ``get_attention_map``
        # reads what ``forward`` set), not on what another method nobody calls set (BlazeFace's
        # ``_define_back_model_layers`` replaces the head the default ``forward`` feeds)
        del instances[id(owner)]


def _run(
    m: Machine, function: Function, args: list[object], positional: list[object], kwargs: dict[str, object]
) -> None:
    """One standalone call; ``forward`` gets the input its class declares, or an unknown tensor."""
    owner = function.owner
    forward = owner is not None and function.node.name.value == "forward" and bool(positional)
    declared = None
    if owner is not None and forward:
        built = args[0] if args and isinstance(args[0], Instance) else owner  # its layers tell a batch left out
        declared = m.declared_input(built, None)
        given = declared or (Tensor(Shape.anything()),)
        given = given if len(given) <= len(positional) else given[:1]
        positional[: len(given)] = given
    made_up = forward and declared is None  # no caller, no declared input: an unknown tensor, not a program's run
    outer, m.standalone = m.standalone, function.born if m.standalone is None else m.standalone
    try:
        with m.propagator.made_up(made_up):
            call_function(m, function, args + positional, kwargs)
    finally:
        m.standalone = outer


def _prepared(m: Machine, owner: ClassValue) -> object:
    """A default construction of ``owner``, set up as a test runner would: ``setUp()`` runs before any test method
    (a ``unittest.TestCase`` that builds its model there and calls it in ``test_forward``)."""
    instance = default_instance(m, owner)
    set_up = classes.class_attribute(owner, "setUp")
    if isinstance(set_up, Function) and set_up.calls == 0:
        call_function(m, set_up, [instance], {})
    return instance
