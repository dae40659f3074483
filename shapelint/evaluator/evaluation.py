"""``evaluate(module) -> Evaluation``: run a module abstractly and report what the checks need.

The module runs as a script, so ``if __name__ == "__main__":`` blocks (where
example calls give models their inputs) run for certain.  Then every
Sequential that no other model holds runs on its declared input, and then
every function nobody called runs on its defaults.  The result is frozen
data; only :class:`Replay` can run a model of the file again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial

import libcst as cst

from shapelint.catalog import Problem
from shapelint.dims import UNKNOWN, Shape
from shapelint.evaluator import calls, expressions, generators, imports, operators, statements
from shapelint.evaluator.control import LoopExit, OutOfBudget, Raise, Return
from shapelint.evaluator.flow import Trace
from shapelint.evaluator.instances import built_on_defaults, default_instance
from shapelint.evaluator.machine import (
    DeclaredInput,
    FindModule,
    Handlers,
    Machine,
    ModuleSource,
    imported_from,
    no_modules,
)
from shapelint.evaluator.signatures import Configurations
from shapelint.evaluator.standalone import run_uncalled_functions
from shapelint.evaluator.values import (
    ClassValue,
    Example,
    Function,
    Instance,
    Mismatch,
    Requirement,
    Scope,
    SequentialValue,
    Tensor,
)

HANDLERS = Handlers(
    expressions={**expressions.HANDLERS, cst.Call: calls.ev_call, cst.Yield: generators.ev_yield},
    statements=statements.HANDLERS,
    call_module=calls.call_module,
)


def _no_importers() -> Sequence[ModuleSource]:
    return ()


@dataclass(frozen=True)
class Project:
    """Where the evaluated file sits: the package its relative imports start from, and how modules are found.

    ``names`` are the dotted names the project's other files import the evaluated file by; ``importers`` gives
    those files, whose code builds and feeds the file's models (a training script, a test, a factory).
    """

    package: str = ""
    find_module: FindModule = no_modules
    names: tuple[str, ...] = ()
    importers: Callable[[], Sequence[ModuleSource]] = _no_importers


def _nothing_declared(
    model: SequentialValue | ClassValue | Instance, statement: cst.CSTNode | None
) -> tuple[Tensor, ...] | None:
    return None


class Replay:
    """Runs a model of an evaluated file again, for the summary: the layers it applies and what each gives."""

    def __init__(self, machine: Machine) -> None:
        self._machine = machine

    def build(self, cls: ClassValue) -> object:
        """An instance of ``cls`` built with its constructor's defaults; unknown when the constructor raises."""
        try:
            return default_instance(self._machine, cls)
        except Raise:
            return UNKNOWN

    def trace(self, model: object, tensor: Tensor, rest: tuple[Tensor, ...] = ()) -> tuple[Trace, tuple[Mismatch, ...]]:
        """Each layer applied while ``model`` runs on ``tensor`` (and ``rest``, the further inputs of a ``forward``
        that takes several), with the tensor it gave, and the steps that rejected their input on the way."""
        m = self._machine
        start = len(m.propagator.mismatches)
        runs, m.model_runs = m.model_runs, {}  # a run of the same configuration must not stand in for this one
        try:
            with m.propagator.tracing() as trace, contextlib.suppress(Raise):  # the layers up to an assert it fails
                if rest:
                    m.run_module(model, tensor, rest)
                else:
                    m.propagator.run(model, tensor)
        finally:
            m.model_runs = runs
        return trace, tuple(m.propagator.mismatches[start:])


@dataclass(frozen=True)
class Evaluation:
    """What one module's evaluation found, for the checks, the summary and the fixes."""

    names: Mapping[str, object]
    """The module's top-level names after it ran."""
    sequentials: tuple[tuple[SequentialValue, cst.CSTNode], ...]
    """Every Sequential built, with the statement that built it."""
    nested: frozenset[int]
    """Ids of the values held by a Sequential or a module: parts, not models of their own."""
    examples: tuple[Example, ...]
    mismatches: tuple[Mismatch, ...]
    """Every rejected step; those of the Sequentials run on their declared inputs come first."""
    written: Mapping[int, frozenset[str]]
    """For each expression written as a layer argument (by node id), the values it gave."""
    requirements: Mapping[int, tuple[Requirement, ...]]
    """For each expression written for an input size (by node id), what each checked run needed it to give."""
    read_elsewhere: frozenset[int]
    """Ids of expressions written for a layer argument that another layer reads (``Linear(fc.in_features, n)``)."""
    places: Mapping[int, cst.CSTNode | None]
    """The statement that was running when each call and argument was evaluated, by node id."""
    replay: Replay
    loaded: tuple[ModuleSource, ...] = ()
    """The imported modules that ran from source; their nodes are not the evaluated file's."""
    stopped_at: cst.CSTNode | None = None
    """The statement the step budget ran out in: what follows it was not evaluated, nor checked."""

    def imported_from(self, node: cst.CSTNode) -> ModuleSource | None:
        """The imported module ``node`` belongs to; ``None`` for the evaluated file's own nodes."""
        return imported_from(self.loaded, node) if self.loaded else None


def evaluate(
    module: cst.Module,
    declared_input: DeclaredInput = _nothing_declared,
    may_yield: bool = True,
    project: Project = Project(),
    trace: Trace | None = None,
) -> Evaluation:
    """Evaluate ``module``; ``declared_input`` gives each model's declared input (an unknown tensor without one).

    ``may_yield`` false promises the source never says ``yield``, which saves looking for generators.
    ``project`` finds the modules it imports and tells the package it belongs to.  ``trace``, when given, gets
    every layer applied during the whole evaluation with the tensor it gave (for measuring what is known).
    """
    machine = Machine(HANDLERS, declared_input, may_yield, project.find_module)
    machine.propagator.trace = trace
    scope = Scope(builtins=operators.BUILTINS)
    scope.vars["__name__"] = "__main__"
    scope.vars["__package__"] = project.package
    machine.module_names[id(scope)] = max(project.names, key=lambda name: name.count("."), default="__main__")
    imports.bind_own(machine, project.names, scope, module)
    roots, constructed = _RootRuns(machine), _ConstructionRuns(machine)
    body = (partial(_run_body, machine, module, scope), constructed.run, roots.run)
    later = (lambda: run_uncalled_functions(machine), constructed.run, roots.run)
    stopped = next((place for place in map(partial(_guarded, machine, module), (*body, *later)) if place), None)
    if _defines_code(scope) and stopped is None:
        sources = project.importers()
        if sources:
            imports.reload_for_importers(machine, project.names)
        for source in sources:
            _guarded(machine, module, partial(imports.run_importer, machine, source))
        for step in later if sources else ():
            _guarded(machine, module, step)
    dropped = roots.never_chained() | _on_unused_defaults(machine)
    return replace(_result(machine, scope, roots.mismatches, dropped), stopped_at=stopped)


def _run_body(machine: Machine, module: cst.Module, scope: Scope) -> None:
    """The file's own code, top to bottom: the only run whose models are known to be in training mode until the code
    may change it (:mod:`~shapelint.evaluator.modes`)."""
    try:
        machine.exec_block(module.body, scope)
    finally:
        machine.propagator.training = False


def _on_unused_defaults(machine: Machine) -> set[int]:
    """Ids of the hyperparameters found invalid on a default construction of a class the program builds itself,
    never with its defaults: pixel-cnn's ``down_shifted_deconv2d`` defaults to a stride its ``output_padding``
    rejects, and is only ever built with ``stride=(2, 2)``; DAT's default stages give a negative group count.  A
    size mismatch found there stays: the program's configurations have the same layers (a U-Net built with another
    recurrence count ``t``)."""
    built: dict[int, bool] = {}  # by class definition: whether no construction uses the defaults
    for instance, _ in machine.record.constructed:
        built[id(instance.cls.node)] = built.get(id(instance.cls.node), True) and not built_on_defaults(instance)
    found = {found for node, ids in machine.record.on_defaults.items() if built.get(node) for found in ids}
    return {
        id(mismatch)
        for mismatch in machine.propagator.mismatches
        if id(mismatch) in found and mismatch.error.problem is Problem.HYPERPARAMETER
    }


def _defines_code(scope: Scope) -> bool:
    """Whether the module defines a class or function that code elsewhere may build or call."""
    return any(isinstance(value, (ClassValue, Function)) for value in scope.vars.values())


def _guarded(machine: Machine, module: cst.Module, step: Callable[[], None]) -> cst.CSTNode | None:
    """Run one stage; running out of budget, or a stray ``return``/``raise``/``break`` at top level, ends it.  When
    the budget ran out: the file's own statement that was running (the module, if another file's was)."""
    try:
        with contextlib.suppress(Return, LoopExit, Raise):
            step()
    except OutOfBudget:
        running = machine.statement
        return running if running is not None and machine.local(running) else module
    return None


class _RootRuns:
    """Runs each Sequential of the file that no other model holds on its declared input, once.

    One that another file builds (a module it imports, a training script run as its importer) is that file's to
    check: its findings would not be this file's, and running it on an unknown input here cost a fifth of these runs.
    """

    def __init__(self, machine: Machine) -> None:
        self.machine = machine
        self.done: set[int] = set()
        self.mismatches: list[Mismatch] = []
        self.undeclared: dict[int, list[Mismatch]] = {}
        """The mismatches of each Sequential run on an unknown input, by its id."""
        self.configurations: set[Hashable] = set()
        """Those run, as :class:`~shapelint.evaluator.signatures.Configurations` tells them apart, with their
        statements: another copy of one (each block of a ResNet has the same shortcut) would find the same."""

    def run(self) -> None:
        m = self.machine
        keys = Configurations()  # worked out afresh: a run may have changed what a value holds
        for sequential, statement in m.record.sequentials:
            if id(sequential) in m.record.children or id(sequential) in self.done or not m.local(sequential.node):
                continue
            self.done.add(id(sequential))
            key = keys.of(sequential), id(statement)
            if key[0] is not None and key in self.configurations:
                continue
            self.configurations.add(key)
            start = len(m.propagator.mismatches)
            declared = m.declared_input(sequential, statement)
            with m.propagator.made_up(declared is None), contextlib.suppress(Raise):
                m.propagator.run(sequential, declared[0] if declared else Tensor(Shape.anything(), None))
            found = m.propagator.mismatches[start:]
            self.mismatches.extend(found)
            owner = m.record.built_on_defaults.get(id(sequential))
            if owner is not None:
                m.record.on_defaults.setdefault(owner, []).extend(map(id, found))
            if declared is None:
                self.undeclared[id(sequential)] = found

    def never_chained(self) -> set[int]:
        """Ids of the mismatches from chaining a Sequential the code never runs as a chain.

        ``nn.Sequential(embed_a, embed_b)`` used only as ``net[0](a)`` and ``net[1](b)`` is a container,
        not a model: its layers were never meant to feed each other.
        """
        record = self.machine.record
        apart = record.taken_apart - record.called
        return {id(mismatch) for key in apart & self.undeclared.keys() for mismatch in self.undeclared[key]}


class _ConstructionRuns:
    """Runs each model built with its constructor's arguments on the input declared for it, once.

    ``MyCNN(1, [32, 64], 10)`` is checked in that configuration: on the input of a directive on the line that
    builds it (or the line above), when it is that statement's value, else of its class.  They run after the code
    that built them, so an example call's concrete shapes come first.
    """

    def __init__(self, machine: Machine) -> None:
        self.machine = machine
        self.done = 0

    def run(self) -> None:
        m = self.machine
        while self.done < len(m.record.constructed):
            instance, statement = m.record.constructed[self.done]
            self.done += 1
            declared = m.declared_input(instance, statement)
            if declared is not None:
                with contextlib.suppress(Raise):  # a model that rejects its input leaves the next ones to run
                    calls.call_module(m, instance, declared[0], list(declared[1:]))


def _result(machine: Machine, scope: Scope, first: list[Mismatch], dropped: set[int]) -> Evaluation:
    record = machine.record
    seen = {id(mismatch) for mismatch in first} | dropped
    kept = [mismatch for mismatch in first if id(mismatch) not in dropped]
    ordered = kept + [mismatch for mismatch in machine.propagator.mismatches if id(mismatch) not in seen]
    return Evaluation(
        names=scope.vars,
        sequentials=tuple(record.sequentials),
        nested=frozenset(record.children),
        examples=tuple(example for example in record.examples if machine.local(example.node)),
        mismatches=tuple(ordered),
        written={key: frozenset(values) for key, values in record.written.items()},
        requirements={key: tuple(found) for key, found in machine.propagator.requirements.items()},
        read_elsewhere=frozenset(record.read_elsewhere),
        places=record.places,
        replay=Replay(machine),
        loaded=tuple(machine.loaded),
    )
