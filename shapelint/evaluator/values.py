"""The values the static evaluator computes: layers, Sequentials, tensors and containers.

Plain Python values (ints, strings, tuples) stand for themselves, and
:data:`shapelint.dims.UNKNOWN` for anything that cannot be computed.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import libcst as cst

from shapelint.catalog import LayerKind, LossKind, ShapeError
from shapelint.dims import UNKNOWN, Shape

_BIRTHS = itertools.count()


def birth() -> int:
    """A number larger than every one given before: when a mutable value was made, or an uncertain path began.

    A value made on an uncertain path exists only on that path, so what that path does to it is exact; what it does
    to a value made before may not happen at all (:meth:`~shapelint.evaluator.binder.Binder.fresh`)."""
    return next(_BIRTHS)

@dataclass(frozen=True, slots=True)
class ModuleRef:
    """A dotted name reached through imports, such as ``torch.nn`` or ``torch.nn.Linear``."""

    qualname: str


@dataclass(frozen=True, slots=True)
class DTypeKind:
    """A tensor's ``.dtype`` where only its kind is known (``"float"`` or ``"int"``, bool tensors among the
    latter): ``x.dtype == torch.long`` is false for a float tensor, unknown for an integer one."""

    kind: str


@dataclass(eq=False, slots=True)
class ModuleValue:
    """A module of the project or an installed package, run from its source: its top-level names."""

    name: str
    scope: Scope


@dataclass(eq=False, slots=True)
class OptionParser:
    """An ``argparse.ArgumentParser``: each option's default by its destination; ``None`` once unknowable."""

    defaults: dict[str, object] | None = field(default_factory=dict)


@dataclass(eq=False, slots=True)
class Options:
    """An attribute namespace: what ``parse_args()`` gives a script run without arguments (its options at their
    defaults), or a ``types.SimpleNamespace`` / ``argparse.Namespace`` built from keywords.

    Its attributes live in ``namespace``, the dict ``vars(options)`` hands out: a write through either is seen by
    both, and one forgotten is forgotten for both, as Python's ``__dict__`` is the namespace itself."""

    namespace: DictValue

    @property
    def values(self) -> dict[str, object] | None:
        return self.namespace.items  # type: ignore[return-value]

    @values.setter
    def values(self, values: dict[str, object] | None) -> None:
        self.namespace.items = values  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Source:
    """The expression that supplied a value; ``via_parameter`` when it reached the layer through a call.

    A value passed through a parameter may feed other uses too, so fixing it
    is never safe.  ``scope`` is where ``node`` is written, for reading other
    expressions there: a fix may write the one that produces the size.
    """

    node: cst.BaseExpression = field(repr=False)
    via_parameter: bool
    scope: Scope | None = field(default=None, repr=False, compare=False)


class Scope:
    """Names bound in one function, class or module body.

    ``sources`` remembers, for a parameter, the expression that supplied its
    value at the call site (or as a default), so a finding about it can point
    where the number was written.  A name bound nowhere is looked up in
    ``builtins``, which only the module's scope holds.  A class body's scope knows its class (``body_of``), so
    the functions defined in it become that class's methods.
    """

    __slots__ = ("body_of", "builtins", "loop_bound", "looping", "parent", "sources", "vars")

    def __init__(self, parent: Scope | None = None, builtins: Mapping[str, object] | None = None) -> None:
        self.vars: dict[str, object] = {}
        self.sources: dict[str, Source] = {}
        self.parent = parent
        self.body_of: ClassValue | None = None
        self.looping: tuple[str, ...] = ()
        """The names bound by the ``for`` loops running in this body."""
        self.loop_bound: frozenset[str] = frozenset()
        """Every name a ``for`` loop of this body has bound: after its loop it holds the last step's value."""
        self.builtins: Mapping[str, object] = builtins if builtins is not None else parent.builtins if parent else {}

    def snapshot(self) -> Scope:
        """This body's names as they are now (their objects shared), over the live enclosing scopes: a loop's later
        steps rebind its names, and a fix is checked against the values each step had."""
        copy = Scope(self.parent, self.builtins)
        copy.vars = dict(self.vars)
        copy.loop_bound = self.loop_bound
        copy.looping = self.looping
        return copy

    def lookup(self, name: str) -> object:
        scope: Scope | None = self
        while scope is not None:
            if name in scope.vars:
                return scope.vars[name]
            scope = scope.parent
        return self.builtins.get(name, UNKNOWN)

    def source(self, node: cst.BaseExpression) -> Source:
        """Where the value of ``node`` was written: through parameters back to their call sites."""
        if type(node) is not cst.Name:
            return Source(node, False, self)
        scope: Scope | None = self
        while scope is not None:
            if node.value in scope.vars:
                return scope.sources.get(node.value, Source(node, False, self))
            scope = scope.parent
        return Source(node, False, self)


@dataclass(frozen=True, slots=True)
class CallSite:
    """The argument expressions of a call, and the scope they were evaluated in."""

    positional: tuple[cst.BaseExpression | None, ...]
    keywords: dict[str, cst.BaseExpression]
    scope: Scope

    @classmethod
    def of(cls, args: Sequence[cst.Arg], scope: Scope) -> CallSite | None:
        if any(arg.star for arg in args):
            return None
        positional = tuple(arg.value for arg in args if arg.keyword is None)
        keywords = {arg.keyword.value: arg.value for arg in args if arg.keyword is not None}
        return cls(positional, keywords, scope)

    def after_self(self) -> CallSite:
        return CallSite((None, *self.positional), self.keywords, self.scope)

    def source(self, index: int, name: str) -> Source | None:
        node = self.positional[index] if index < len(self.positional) else self.keywords.get(name)
        return None if node is None else self.scope.source(node)


@dataclass(eq=False, slots=True)
class Layer:
    """A call of a catalogued layer constructor, with its bound arguments."""

    kind: LayerKind
    args: dict[str, object]
    arg_nodes: dict[str, Source]
    node: cst.Call = field(repr=False)
    valid: bool = field(default=False, repr=False)
    """Set once the kind's hyperparameter checks passed: they depend on the arguments alone."""
    looping: tuple[str, ...] = field(default=(), repr=False)
    """The names of the ``for`` loops the layer was built in, in its own body."""
    inferred: str | None = field(default=None, repr=False)
    """The input size a ``shapelint.runtime`` layer was built without; the first input that fixes it sets it, as the
    runtime's build does, so the layer's tensors can be counted."""
    replaced: set[str] = field(default_factory=set, repr=False)
    """Attributes the code wrote after construction (``fc.weight = shared``): no longer what the arguments give."""


@dataclass(eq=False, slots=True)
class LossModule:
    """A torch loss module (``nn.CrossEntropyLoss()``) with its bound options: not a layer of any model, but a
    call of it on an output and a target is checked as its function's would be."""

    kind: LossKind
    options: dict[str, object]


@dataclass(eq=False, slots=True)
class SequentialValue:
    """An ``nn.Sequential`` (or runtime ``Sequential``) and its children in order."""

    children: list[tuple[str, object]]
    node: cst.Call = field(repr=False)
    input_shape: Shape | None = None
    born: int = field(default_factory=birth, repr=False)


@dataclass(frozen=True, slots=True)
class SampleIndex:
    """The index a ``DataLoader`` hands a dataset's ``__getitem__`` (plus ``offset``): an int nobody knows, so
    ``self.images[index]`` takes one row of the tensor and ``self.series[index:index + 20]`` 20 rows; returned, a
    batch of them is a vector of integers; anything else done with it is unknown."""

    offset: int = 0
    derived: bool = False
    """An int computed from the index (``index % 10``, ``self.labels[index]`` of a list of ints), not the index
    shifted: it picks one row, and is collated as the index is, but no window is known from it."""


SAMPLE_INDEX = SampleIndex()


@dataclass(frozen=True, slots=True)
class Alternatives:
    """One of several models, or of several functions and classes that build them, chosen by something the code
    leaves to its run: ``if args.net == 'vgg16': net = vgg16()`` / ``elif ...: net = resnet18()``, or
    ``MODELS[args.net]()``.  Each is a configuration the code builds, and what it is fed is checked on each."""

    options: tuple[object, ...]
    choice: cst.CSTNode = field(repr=False)
    complete: bool = True
    """``False`` where some path left something unknown instead (a model loaded from disk, or one of another file
    whose module was not run): the known ones are still checked, but nothing is known of the value itself."""


@dataclass(eq=False, slots=True)
class ListValue:
    """A mutable list; ``items`` is ``None`` once it may have changed in unknown ways."""

    items: list[object] | None
    floats: tuple[object, ...] | None = None
    """A long comprehension's elements when those past the first two were floats left unworked (unknown): they
    stand for floats only while the list holds exactly these."""
    born: int = field(default_factory=birth, repr=False)

    def all_floats(self) -> bool:
        """Whether every element is a float, of known value or not."""
        if self.floats is None or self.items is None or len(self.items) != len(self.floats):
            return False
        return all(item is kept for item, kept in zip(self.items, self.floats))


@dataclass(eq=False, slots=True)
class DictValue:
    """A dict or ``OrderedDict`` with known keys; ``None`` once it is unknowable."""

    items: dict[object, object] | None
    modules: bool = False
    """An ``nn.ModuleDict``, whose entries are also its attributes (``self.transformer.wte``)."""
    born: int = field(default_factory=birth, repr=False)


@dataclass(frozen=True, slots=True)
class Parameters:
    """A ``def``'s parameter names, read off its node once per function: every call binds them."""

    positional: tuple[str, ...]
    keyword_only: tuple[str, ...]
    star: str | None
    """``*args``; ``None`` also for a bare ``*``."""
    double_star: str | None

    @classmethod
    def of(cls, params: cst.Parameters) -> Parameters:
        star = params.star_arg.name.value if isinstance(params.star_arg, cst.Param) else None
        double_star = params.star_kwarg.name.value if params.star_kwarg is not None else None
        positional = tuple(p.name.value for p in (*params.posonly_params, *params.params))
        return cls(positional, tuple(p.name.value for p in params.kwonly_params), star, double_star)


@dataclass(eq=False, slots=True)
class Function:
    """A user-defined function or method, closed over its defining scope."""

    node: cst.FunctionDef = field(repr=False)
    scope: Scope
    defaults: dict[str, object]
    owner: ClassValue | None = None
    calls: int = 0
    uses: dict[str, int] | None = None
    parameters: Parameters | None = None
    born: int = field(default_factory=birth, repr=False)
    """When its ``def`` ran: a global given another tensor after that may not be the one a call would read."""


@dataclass(eq=False, slots=True)
class ClassValue:
    """A user-defined class: its body's names and its base classes."""

    node: cst.ClassDef = field(repr=False)
    attributes: dict[str, object]
    bases: tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Configuration:
    """Where a model was built: the construction call and the function that made it (``resnet50``), if any.

    A finding inside a class built in several configurations names the one that exposed it."""

    call: cst.Call = field(repr=False)
    factory: str | None = None


@dataclass(eq=False, slots=True)
class Instance:
    """An object of a user class, such as ``self`` inside ``__init__``."""

    cls: ClassValue
    attributes: dict[str, object] = field(default_factory=dict)
    sequential: SequentialValue | None = None
    layer: Layer | None = None
    """Set on a subclass of a catalogued torch layer once torch's ``__init__`` ran: what its inherited
    ``forward`` computes (``class FrozenBN(nn.BatchNorm2d)``)."""
    known: bool = True
    """``False`` when a constructor shapelint cannot follow (pydantic, attrs) may have set any attribute."""
    built: Configuration | None = None
    given: tuple[list[object], dict[str, object]] | None = field(default=None, repr=False)
    """The arguments its construction in the source passed (``None`` for one the analysis made up)."""
    born: int = field(default_factory=birth, repr=False)


@dataclass(frozen=True, slots=True)
class FieldDefault:
    """``dataclasses.field(default=...)`` or ``field(default_factory=...)``, filled in by the record's init."""

    default: object
    factory: object = None
    reorders: bool = False
    """``init=`` or ``kw_only=`` given: the field may leave the positional order of the init."""


@dataclass(frozen=True, slots=True)
class Partial:
    """``functools.partial(func, *args, **kwargs)``."""

    func: object
    args: tuple[object, ...]
    kwargs: dict[str, object]
    dropped: frozenset[str] = frozenset()
    """Keywords a wrapper takes away before it calls ``func`` (torchvision's legacy ``pretrained=``)."""


@dataclass(frozen=True, slots=True)
class SuperValue:
    """``super()`` inside a method of ``cls``, bound to ``instance``."""

    cls: ClassValue
    instance: object


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a shape came from: the call that produced it, or a directive's line."""

    label: str
    node: cst.CSTNode | None = field(default=None, repr=False)
    line: int | None = None
    before: Shape | None = None
    producer: Layer | None = field(default=None, repr=False, compare=False)
    """The layer that made the shape, whose written sizes may be the expression a fix downstream writes."""
    dataset: bool = False
    """The shape is a data set's batch (``datasets.MNIST`` through a ``DataLoader``)."""


@dataclass(frozen=True, slots=True)
class Tensor:
    """A tensor whose shape the evaluator tracks, with the step that last changed it."""

    shape: Shape
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class Packed:
    """A ``PackedSequence``: the padded batch it was packed from, time first, its length not known (the packed steps
    end at the longest sequence, which only the lengths tell)."""

    steps: Tensor


@dataclass(frozen=True, slots=True)
class Array:
    """A numpy array of a known shape: not a tensor (no layer takes it) until ``torch.from_numpy`` or a tensor
    constructor makes it one.  ``real``: its elements are known to be bools or real numbers even where
    ``shape.dtype`` names no kind (``uint8``, ``bool``), so that numpy still makes floats of them with a float."""

    shape: Shape
    origin: Origin | None = None
    real: bool = False


@dataclass(frozen=True, slots=True)
class Returns:
    """A method known to return a fixed value, such as ``model.to(device)`` returning ``model``."""

    value: object


class BoundMethod:
    """``obj.method`` waiting to be called, for list and dict methods."""

    __slots__ = ("name", "obj")

    def __init__(self, obj: object, name: str) -> None:
        self.obj = obj
        self.name = name


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A step that rejects the tensor arriving at it: a layer, or a tensor operation."""

    label: str
    node: cst.CSTNode
    error: ShapeError
    incoming: Shape
    origin: Origin | None
    layer: Layer | None = None
    configuration: Configuration | None = None
    """The model being run when the step rejected its input."""
    fed: Tensor | None = None
    """What that model was fed."""
    called_at: cst.CSTNode | None = None
    """The call, written in the code, that ran that model."""
    target: Tensor | None = None
    """The target a loss rejected together with its input, whose shape has an origin of its own."""


@dataclass(frozen=True, slots=True)
class Requirement:
    """What one checked run needs an input-size expression to give, and where that expression is read from.

    A fix must meet every requirement of the expression it replaces: each is a configuration of the model."""

    needed: object
    scope: Scope | None = field(repr=False)
    configuration: Configuration | None = None


@dataclass(frozen=True, slots=True)
class Example:
    """A model called on a tensor of known shape: an example call, or a torchinfo/torchsummary ``summary``."""

    model: object
    shape: Shape
    node: cst.CSTNode = field(repr=False)
