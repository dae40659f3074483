"""The evaluator's core: the step budget, dispatch of statements and expressions, and the state they share.

The handlers live in their own modules (statements, expressions, calls, ...)
as plain functions of a :class:`Machine`; :mod:`shapelint.evaluator.evaluation`
assembles their tables, so no handler module imports another through the core.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator import classes
from shapelint.evaluator.binder import Binder
from shapelint.evaluator.control import OutOfBudget
from shapelint.evaluator.flow import Flow, Propagator
from shapelint.evaluator.tensors import TensorCalls
from shapelint.evaluator.values import (
    ClassValue,
    DictValue,
    Example,
    Function,
    Instance,
    ModuleValue,
    Options,
    Scope,
    SequentialValue,
    Tensor,
)
from shapelint.source import syntax_children

MAX_STEPS = 400_000
MAX_CALL_DEPTH = 10
MAX_ITERATIONS = 4096
MAX_UNROLLED_REPEATS = 64
"""A loop over more items than this around another loop (``for epoch in range(200): for x, y in loader: ...``), and a
``while`` loop past this many steps (``while step < max_steps:``), run as loops of unknown length: their steps repeat
the same work, and unrolling them made linting a training script take seconds."""
LONG_LOOP_STEPS = 10_000
"""What a loop over more than :data:`MAX_UNROLLED_REPEATS` items may spend before its remaining steps run as a loop
of unknown length: a training loop of 2,000 epochs repeats one forward 2,000 times (seconds of linting), while a loop
that fills a table of 1,000 entries stays exact."""
IMPORT_STEPS = 60_000
"""What running one imported module's body may spend; names it had not bound by then stay unknown."""
MAX_IMPORTS = 48
"""Modules run from source for one file's own imports (its imports' imports included), and again for its importers;
as many again of installed packages, so that a library's own imports (``import torchvision``) never use up the
project's."""

Handler = Callable[["Machine", Any, Scope], Any]
"""Evaluates one kind of node: an expression (giving its value) or a statement."""
DeclaredInput = Callable[[SequentialValue | ClassValue | Instance, cst.CSTNode | None], tuple[Tensor, ...] | None]
"""The inputs a model declares (``input_shape=``, a directive, an annotation), given the statement that builds it:
one, or one per argument of a ``forward`` that takes several."""


@dataclass(eq=False)
class ModuleSource:
    """An imported module's source, found by the project: ``name`` is its dotted name, ``path`` its file."""

    name: str
    path: str
    module: cst.Module = field(repr=False)
    package: bool = False
    """Whether it is a package's ``__init__``, against which its relative imports resolve."""
    installed: bool = False
    """Whether it was found among the installed packages rather than in the project."""

    @cached_property
    def node_ids(self) -> frozenset[int]:
        """Ids of all its nodes, to tell its findings from the linted file's."""
        found: set[int] = set()
        stack: list[cst.CSTNode] = [self.module]
        while stack:
            node = stack.pop()
            found.add(id(node))
            stack.extend(syntax_children(node))
        return frozenset(found)


def imported_from(loaded: Sequence[ModuleSource], node: cst.CSTNode) -> ModuleSource | None:
    """The imported module ``node`` belongs to, if any."""
    return next((source for source in loaded if id(node) in source.node_ids), None)


FindModule = Callable[[str], ModuleSource | None]
"""The source of a module by dotted name, or ``None`` where the project and the environment have none."""


def no_modules(name: str) -> ModuleSource | None:
    return None


@dataclass(frozen=True, slots=True)
class Handlers:
    """What the machine dispatches to, by node type, and how it runs a user module on a tensor."""

    expressions: Mapping[type, Handler]
    statements: Mapping[type, Handler]
    call_module: Callable[[Machine, object, Flow, Sequence[object]], object]
    """Runs a user module's ``forward`` on a tensor and any further arguments."""


@dataclass(slots=True)
class Record:
    """What the evaluation found for the checks: models built, example calls, sizes written, places."""

    sequentials: list[tuple[SequentialValue, cst.CSTNode]] = field(default_factory=list)
    """Every Sequential built, with the statement that built it."""
    children: set[int] = field(default_factory=set)
    """Ids of the values placed inside a Sequential or module, which are not models of their own."""
    parallel: set[int] = field(default_factory=set)
    """Ids of the models handed to ``nn.DataParallel``, which stands for them: its ``.module`` is the model."""
    examples: list[Example] = field(default_factory=list)
    written: dict[int, set[str]] = field(default_factory=dict)
    """For each expression written as a layer argument (by node id), the values it gave."""
    read_elsewhere: set[int] = field(default_factory=set)
    """Ids of expressions written for a layer argument that another layer reads through an attribute."""
    places: dict[int, cst.CSTNode | None] = field(default_factory=dict)
    """The statement that was running when each call and argument was evaluated, by node id."""
    taken_apart: set[int] = field(default_factory=set)
    """Ids of the Sequentials whose layers are taken one at a time (``net[0](a)``, ``skip_gram(x, net[0], net[1])``,
    ``for blk in self.net``)."""
    called: set[int] = field(default_factory=set)
    """Ids of the Sequentials called as a whole."""
    constructed: list[tuple[Instance, cst.CSTNode | None]] = field(default_factory=list)
    """Models built from the source, with the statement whose value each is (where its own directive may be)."""
    on_defaults: dict[int, list[int]] = field(default_factory=dict)
    """Ids of the mismatches found running methods on a class's default construction, by the id of its
    definition: no finding where the program builds the class itself (its defaults are not a configuration of it)."""
    built_on_defaults: dict[int, int] = field(default_factory=dict)
    """The Sequentials built while a class's default construction ran, by id, with the id of its definition: what
    they reject when run as roots is found on those defaults too."""


@dataclass(eq=False, slots=True)
class Yields:
    """What each ``yield`` of one generator's body gave, by the id of its node, while that body runs
    (:mod:`~shapelint.evaluator.generators`)."""

    expected: frozenset[int]
    """The ids of the body's own ``yield`` nodes (not those of functions defined in it)."""
    values: dict[int, list[object]] = field(default_factory=dict)


class Machine:
    """One file's evaluation in progress.

    ``declared_input`` tells a model's declared input; ``may_yield`` is false when
    the evaluated file never says ``yield``, so none of its functions is searched for one.
    """

    def __init__(
        self,
        handlers: Handlers,
        declared_input: DeclaredInput,
        may_yield: bool = True,
        find_module: FindModule = no_modules,
    ) -> None:
        self.expressions = handlers.expressions
        self.statements = handlers.statements
        self._declared_input = declared_input
        self.may_yield = may_yield
        self.find_module = find_module
        self.modules: dict[str, ModuleValue | None] = {}
        """Modules run from source by dotted name (``None`` where none was found), each once."""
        self.loaded: list[ModuleSource] = []
        self.imported = {False: 0, True: 0}
        """How many modules of the project (``False``) and of installed packages (``True``) ran from source."""
        self.pending: dict[int, ModuleSource] = {}
        """The installed packages whose ``__init__`` has not run yet, by the id of their module value: a name they
        bind runs it when first asked for; a submodule is imported without it."""
        self.own: tuple[cst.Module, ModuleValue] | None = None
        """The evaluated file's tree and namespace: an import that finds the same tree gets the same namespace."""
        self.module_names: dict[int, str] = {}
        """The dotted name of each module run (imported, an importer, the evaluated file), by its scope's id: pytest
        finds a test's ``conftest.py`` files from it."""
        self.enum_members: dict[tuple[int, int], Instance] = {}
        """Each enum member made, by its class and value, so every read of it is the same object."""
        self.own_names: frozenset[str] = frozenset()
        self.own_runs_again = False
        """Whether the importers run: each imports the evaluated file (by one of :attr:`own_names`, or by its tree)
        as a copy run afresh, after what the importer did first."""
        self.importing = 0
        """How many imported modules' bodies are running: their functions are not run standalone."""
        self.steps = 0
        self.limit = MAX_STEPS
        self.mutations = 0
        """Attributes and module children changed in place, at any depth of calls."""
        self.item_changes: dict[int, int] = {}
        """List and dict items changed in place, by the depth of calls they were made at: a loop whose step changed
        nothing in place, apart from the lists its calls made for themselves, and left its names as they were is
        repeating itself (:mod:`~shapelint.evaluator.steady`)."""
        self.statement: cst.CSTNode | None = None
        self.record = Record()
        self.binder = Binder(self.exec_block)
        self.frames: list[tuple[Function, Scope]] = []
        self.yielded: list[Yields] = []
        """What the ``yield`` nodes of each generator body running gave, innermost last."""
        self.functions: list[Function] = []
        self.ran: set[int] = set()
        """The ids of the function definitions that ran, from any copy of their module (an importer's and the
        modules it imports each load ``utils.py``): one that ran needs no standalone run."""
        self.looped: dict[int, frozenset[str]] = {}
        """What each ``forward`` loops over of its module, by the id of its definition (``assignment``'s)."""
        self.watching = False
        """A model runs whose result may stand in for later runs of its configuration: names read are watched."""
        self.read_globals = False
        """That run read a module's global that holds data (:func:`~shapelint.evaluator.expressions.ev_name`)."""
        self.model_runs: dict[Hashable, object] = {}
        """The result of each model run from outside any model, by :func:`~shapelint.evaluator.signatures.run_key`."""
        self.facts: dict[tuple[Callable[[Any], bool], int], bool] = {}
        self.lambdas: dict[int, cst.FunctionDef] = {}
        self.rebound: dict[tuple[int, str], int] = {}
        """Module globals given another array or tensor, and when it last happened (a notebook's ``input`` of one
        cell and of a later one): a function nobody calls that was defined before cannot tell which it would read."""
        self.standalone: int | None = None
        """When the function running with no caller was defined (:mod:`~.standalone`), while it runs."""
        self.flags = Options(DictValue({}))
        """absl's ``FLAGS``, one for the whole run, as it is one for the process."""
        self.unfollowed_methods: set[str] = set()
        """Names of methods called on a receiver not known (``m.switch_to_deploy()`` for each of ``model.modules()``):
        a method of the project by such a name may have run."""
        self.run_module = partial(handlers.call_module, self)
        self.propagator = Propagator(lambda module, flow: self.run_module(module, flow, ()))
        self.tensors = TensorCalls(self.propagator)

    def ev(self, node: cst.BaseExpression, scope: Scope) -> object:
        self.steps += 1
        if self.steps > self.limit:
            raise OutOfBudget
        handler = self.expressions.get(type(node))
        if handler is None:
            return UNKNOWN
        return handler(self, node, scope)

    def exec_block(self, body: Sequence[cst.CSTNode], scope: Scope) -> None:
        for statement in body:
            self.exec_statement(statement, scope)

    def exec_statement(self, statement: cst.CSTNode, scope: Scope) -> None:
        self.statement = statement
        handler = self.statements.get(type(statement))
        if handler is not None:
            handler(self, statement, scope)

    def iterated(self, value: object) -> object:
        """``value``, looped over: a Sequential (or Sequential subclass) gone through layer by layer is taken
        apart, as one indexed is; a DenseNet block concatenates each layer's output to its input, so its layers
        never feed each other."""
        sequential = value.sequential if isinstance(value, Instance) else value
        if isinstance(sequential, SequentialValue):
            self.record.taken_apart.add(id(sequential))
        return classes.children_of(value, "__iter__")

    def changes(self) -> tuple[int, int]:
        """How many in-place changes of attributes and of items were made so far."""
        return self.mutations, sum(self.item_changes.values())

    def items_changed(self) -> None:
        """Note an in-place change of a list's or dict's items."""
        depth = len(self.frames)
        self.item_changes[depth] = self.item_changes.get(depth, 0) + 1

    def fact(self, question: Callable[[Any], bool], node: cst.CSTNode) -> bool:
        """A syntactic fact about ``node``, computed once per file."""
        key = (question, id(node))
        if key not in self.facts:
            self.facts[key] = question(node)
        return self.facts[key]

    def local(self, node: cst.CSTNode | None) -> bool:
        """Whether ``node`` is the evaluated file's own, not an imported module's."""
        return node is None or not self.loaded or imported_from(self.loaded, node) is None

    def declared_input(
        self, model: SequentialValue | ClassValue | Instance, statement: cst.CSTNode | None
    ) -> tuple[Tensor, ...] | None:
        """The inputs declared for ``model``; a model or statement of an imported module has no declaration in this
        file (its directives and annotations are its own file's)."""
        defined = model.cls.node if isinstance(model, Instance) else model.node
        if not self.local(defined):
            return None
        return self._declared_input(model, statement if self.local(statement) else None)

    @property
    def uncertain(self) -> bool:
        """Whether the code running now may not run at all: what it changes becomes unknown."""
        return self.binder.depth > 0

    def uncertain_for(self, value: object) -> bool:
        """Whether a change to ``value`` may not happen: code that may not run changes it, and it was made before
        that code began (one made there, like a model built in one branch of a factory's ``if``, exists only on
        that path, and its constructor's attributes are exact)."""
        return self.binder.depth > 0 and not self.binder.fresh(value)


def spent_long_loop(m: Machine, items: int, start: int) -> bool:
    """Whether a loop over ``items`` items, begun at step ``start``, is long and has spent its unrolling budget."""
    return items > MAX_UNROLLED_REPEATS and m.steps - start > LONG_LOOP_STEPS
