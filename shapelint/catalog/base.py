"""What a layer kind is: a constructor signature, an input-size argument and a shape rule.

Every rule here is pure Python over :mod:`shapelint.dims`, so the linter can
run it on partly known shapes and the runtime library on fully known ones.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from shapelint.dims import UNKNOWN, Dim, Shape, is_int, same


class Problem(enum.Enum):
    """Why a layer rejects its input; the checks turn this into a code."""

    SIZE = "size"
    COLLAPSE = "collapse"
    RANK = "rank"
    DTYPE = "dtype"
    HYPERPARAMETER = "hyperparameter"
    OTHER = "other"


class ShapeError(ValueError):
    """A layer cannot accept a shape, or its hyperparameters are invalid.

    ``argument``, ``expected`` and ``found`` are set for :attr:`Problem.SIZE`
    so a caller can repair the argument.
    """

    def __init__(
        self,
        message: str,
        problem: Problem = Problem.OTHER,
        *,
        argument: str | None = None,
        expected: object = None,
        found: object = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.problem = problem
        self.argument = argument
        self.expected = expected
        self.found = found


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED = _Required()

Args = Mapping[str, object]
OutputRule = Callable[[Args, Shape], Shape]
ExpectedRule = Callable[[Args, Shape], object]
Validator = Callable[[Args], None]
StateRule = Callable[[Args, Shape], object]
"""The state a layer returns beside its output: a :class:`Shape`, a tuple of them, or ``UNKNOWN``."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One ``state_dict`` entry: a parameter (trained) or a buffer."""

    name: str
    shape: tuple[int, ...]
    trainable: bool = True

    @property
    def size(self) -> int:
        return math.prod(self.shape)


EntriesRule = Callable[[Args], list[Entry] | None]
"""A layer's state-dict entries in ``state_dict()`` order; ``None`` (or TypeError, ZeroDivisionError) while unknown."""


class ArgType(enum.Enum):
    """The type a hyperparameter must have before any shape rule sees it, as the runtime checks at construction."""

    ANY = "any"
    """Left to the shape rules, which check it as torch does."""
    INT = "int"
    SIZE = "size"
    """An int or a tuple of ints."""
    SIZE_OR_TEXT = "size or text"
    """A size or a string, such as a convolution's ``padding='same'``."""
    BOOL = "bool"
    REAL = "real"


class Attribute(enum.Enum):
    """Whether torch keeps a constructor argument as the layer attribute of the same name (``fc.in_features``)."""

    NONE = "none"
    KEPT = "kept"
    SIZE = "size"
    """Kept, and a size read from it (``Linear(backbone.fc.in_features, n)``) is traced back to this argument."""


@dataclass(frozen=True, slots=True)
class Param:
    """One constructor parameter, in PyTorch's order."""

    name: str
    default: object = REQUIRED
    keyword_only: bool = False
    type: ArgType = ArgType.ANY
    nullable: bool = False
    """torch accepts ``None`` beyond a ``None`` default (BatchNorm's ``momentum``)."""
    attribute: Attribute = Attribute.NONE

    @property
    def takes_none(self) -> bool:
        """``None`` is accepted: nullable, the default, or a flag, which torch reads as false."""
        return self.nullable or self.default is None or self.type is ArgType.BOOL


class Family(enum.Enum):
    """Which input-size code a layer's size mismatch belongs to."""

    LINEAR = "linear"
    CONV = "conv"
    NORM = "norm"
    OTHER = "other"


@dataclass(frozen=True)
class Signature:
    """A callable's name and parameters, which bind call arguments as Python would."""

    name: str
    params: tuple[Param, ...]
    param_names: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "param_names", frozenset(p.name for p in self.params))

    def bind(self, args: Sequence[object] = (), kwargs: Mapping[str, object] | None = None) -> dict[str, object]:
        """Match call arguments to parameters as Python would, filling defaults."""
        kwargs = dict(kwargs or {})
        positional = [p for p in self.params if not p.keyword_only]
        if len(args) > len(positional):
            raise TypeError(f"{self.name}() takes {len(positional)} positional arguments but {len(args)} were given")
        bound: dict[str, object] = {p.name: value for p, value in zip(positional, args)}
        for name, value in kwargs.items():
            if name not in self.param_names:
                raise TypeError(f"{self.name}() got an unexpected keyword argument '{name}'")
            if name in bound:
                raise TypeError(f"{self.name}() got multiple values for argument '{name}'")
            bound[name] = value
        for param in self.params:
            if param.name not in bound:
                if param.default is REQUIRED:
                    raise TypeError(f"{self.name}() missing required argument '{param.name}'")
                bound[param.name] = param.default
        return bound


@dataclass(frozen=True)
class Functional(Signature):
    """A ``torch.nn.functional`` function that computes what its kind computes (``F.max_pool2d``: MaxPool2d).

    ``params`` is the function's signature after the input.  Each argument goes to the kind's parameter
    of its name, or of the name ``renamed`` gives it; arguments the kind lacks (``antialias``) change no
    shape.  ``chooses`` is set where kinds share a function (``F.pad``): whether a call is this kind's.
    """

    renamed: tuple[tuple[str, str], ...] = ()
    chooses: Callable[[Args], bool] | None = None


@dataclass(frozen=True)
class LayerKind(Signature):
    """A ``torch.nn`` layer as the shape rules see it."""

    output: OutputRule
    input_arg: str | None = None
    expected_input: ExpectedRule | None = None
    ranks: tuple[int, ...] | None = None
    min_rank: int = 0
    validate: Validator | None = None
    family: Family = Family.OTHER
    extra_inputs: int = 0
    state: StateRule | None = None
    """Set for layers that return ``(output, state)``, as RNN/LSTM/GRU do; ``output`` is the rule's shape."""
    sublayers: Callable[[Args], tuple[object, ...]] | None = None
    """Set for containers such as TransformerEncoder: the modules from its arguments that it runs, in order."""
    neutral_keywords: frozenset[str] = frozenset()
    """Keyword arguments of ``forward`` that never change the output's shape: masks and causal flags."""
    entries: EntriesRule | None = None
    """The tensors the layer owns, read through :func:`shapelint.catalog.entries.state_entries`; unset for none."""
    functionals: tuple[Functional, ...] = ()
    """Its twins in ``torch.nn.functional``, read through :func:`shapelint.catalog.functional.functional_rule`."""
    attributes: frozenset[str] = field(init=False)
    """Parameters readable as ``layer.<name>``, equal to the bound argument."""
    traced_sizes: frozenset[str] = field(init=False)
    """Attributes that are sizes: a wrong size read from one is reported at this layer's argument."""

    def __post_init__(self) -> None:
        super().__post_init__()
        names = {kept: frozenset(p.name for p in self.params if p.attribute is kept) for kept in Attribute}
        object.__setattr__(self, "attributes", names[Attribute.KEPT] | names[Attribute.SIZE])
        object.__setattr__(self, "traced_sizes", names[Attribute.SIZE])

    def check_hyperparameters(self, args: Args) -> None:
        """Raise what torch raises at construction for invalid hyperparameters."""
        if self.validate is not None:
            self.validate(args)

    def expected_input_size(self, args: Args, shape: Shape) -> object:
        """The value the input-size argument must have for ``shape``, or ``UNKNOWN``."""
        if self.expected_input is None:
            return UNKNOWN
        check_rank(self, shape)
        return self.expected_input(args, shape)

    def infer(self, args: Args, shape: Shape, *, checked: bool = False) -> Shape:
        """The output shape for ``shape``; raises :class:`ShapeError` as torch would.

        ``checked``: the hyperparameters already passed :meth:`check_hyperparameters`.
        """
        if not checked:
            self.check_hyperparameters(args)
        check_rank(self, shape)
        if self.input_arg is not None and self.expected_input is not None:
            expected = self.expected_input(args, shape)
            found = args[self.input_arg]
            if same(found, expected) is False:
                raise ShapeError(
                    f"{self.name}({self.input_arg}={found!r}) receives an input of shape {shape}; expected {expected!r}",
                    Problem.SIZE,
                    argument=self.input_arg,
                    expected=expected,
                    found=found,
                )
        return self.output(args, shape)


def check_rank(kind: LayerKind, shape: Shape) -> None:
    """Raise :attr:`Problem.RANK` when ``shape`` cannot have an accepted rank."""
    if kind.ranks is None:
        acceptable = shape.open or shape.min_rank >= kind.min_rank
    elif shape.open:
        acceptable = shape.min_rank <= max(kind.ranks)
    else:
        acceptable = shape.min_rank in kind.ranks
    if not acceptable:
        raise ShapeError(f"{kind.name} expects {describe_ranks(kind)} input, got shape {shape}", Problem.RANK)


def describe_ranks(kind: LayerKind) -> str:
    if kind.ranks is None:
        return f"at least {kind.min_rank}-D"
    return " or ".join(f"{rank}-D" for rank in kind.ranks)


def expand(value: object, count: int, name: str) -> tuple[object, ...]:
    """Spread an int hyperparameter over ``count`` dimensions, as torch's ``_ntuple`` does."""
    if value is UNKNOWN:
        return (UNKNOWN,) * count
    if isinstance(value, (tuple, list)):
        if len(value) == 1:
            return tuple(value) * count
        if len(value) != count:
            raise ShapeError(f"{name} must have {count} elements, got {value!r}", Problem.HYPERPARAMETER)
        return tuple(value)
    return (value,) * count


def positive(args: Args, *names: str) -> None:
    """Reject known sizes that are not positive ints, as torch's constructors do."""
    for name in names:
        value = args[name]
        if is_int(value) and value <= 0:
            raise ShapeError(f"{name} must be positive, got {value}", Problem.HYPERPARAMETER)


def channel_dim(shape: Shape, spatial: int) -> Dim:
    """The channel size of an input with ``spatial`` trailing spatial dimensions."""
    return shape.dim(-(spatial + 1))


def keep(args: Args, shape: Shape) -> Shape:
    """The shape rule of every elementwise layer."""
    return shape


def to_float(args: Args, shape: Shape) -> Shape:
    """Elementwise rule for layers whose output is floating point."""
    return shape.with_dtype("float")


FACTORY = (Param("device", None), Param("dtype", None))
"""torch's factory parameters; positional-or-keyword, as in ``Linear(3, 4, True, "cpu")``."""

NOT_NUMBERS = (str, tuple, list, type(None))
"""Known values that are no number; the evaluator's unknowns and symbols are none of these."""


def require(ok: object, message: str, problem: Problem = Problem.HYPERPARAMETER) -> None:
    """Raise only when ``ok`` is certainly false, so an ``UNKNOWN`` test passes."""
    if ok is False:
        raise ShapeError(message, problem)


def truthy(value: object) -> bool | None:
    """A flag's truth value, or ``None`` when the flag is not known."""
    return None if value is UNKNOWN else bool(value)


def exact(value: object, count: int, name: str) -> tuple[object, ...]:
    """Spread a hyperparameter over ``count`` dimensions without broadcasting 1-tuples.

    Convolutions keep a tuple as given and reject a wrong length at forward time.
    """
    if isinstance(value, (tuple, list)) and len(value) != count:
        raise ShapeError(f"{name} must have {count} elements, got {tuple(value)!r}", Problem.HYPERPARAMETER)
    return expand(value, count, name)


def front_dim(shape: Shape, index: int, ranks: tuple[int, ...] | None = None) -> Dim:
    """The size at a non-negative ``index``, also for an open shape whose rank is forced by ``ranks``."""
    if not shape.open:
        return shape.dims[index] if index < len(shape.dims) else UNKNOWN
    possible = [rank for rank in ranks or () if rank >= shape.min_rank]
    if len(possible) == 1 and possible[0] - index <= shape.min_rank:
        return shape.dim(index - possible[0])
    return UNKNOWN
