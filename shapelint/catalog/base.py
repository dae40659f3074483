"""What a layer kind is: a constructor signature, an input-size argument and a shape rule.

Every rule here is pure Python over :mod:`shapelint.dims`, so the linter can
run it on partly known shapes and the runtime library on fully known ones.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from shapelint.catalog.entry import EntriesRule
from shapelint.catalog.signature import Args, Attribute, Functional, Param, Signature
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


OutputRule = Callable[[Args, Shape], Shape]
SizeRule = Callable[[Args, Shape], Dim]
ExpectedRule = Callable[[Args, Shape], object]
Validator = Callable[[Args], None]
TrainingRule = Callable[[Args, Shape], None]
StateRule = Callable[[Args, Shape], object]
"""The state a layer returns beside its output: a :class:`Shape`, a tuple of them, or ``UNKNOWN``."""
ExtraRule = Callable[[Args, Shape, tuple[Shape, ...]], None]
"""Checks the inputs after the first against the first."""
CallStateRule = Callable[[Args, Shape, tuple[Shape, ...], Mapping[str, object]], object]
"""The state of a whole call: the first input's shape, the others', and the keyword flags passed to ``forward``."""


class Family(enum.Enum):
    """Which input-size code a layer's size mismatch belongs to."""

    LINEAR = "linear"
    CONV = "conv"
    NORM = "norm"
    OTHER = "other"


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
    takes_state: bool = False
    """Takes an initial state after its input (``hx``, as RNN/LSTM/GRU do), which leaves the output's shape alone."""
    checked_inputs: int = 0
    """The positional inputs after the first that the linter hands ``extra_rule`` at a call (MultiheadAttention's key
    and value); the rule then checks only sizes certain to clash."""
    rule_inputs: int = 1
    """How many leading inputs the rule checks alike, the output being the last one's: nn.Transformer checks
    ``src`` and ``tgt`` alike and returns ``tgt``'s shape."""
    extra_rule: ExtraRule | None = None
    """Checks the tensors passed after the first (Bilinear's ``input2``, attention's key and value, a decoder's
    memory, a recurrent layer's initial state); unset, the layer takes one tensor in :meth:`forward`."""
    call_state: CallStateRule | None = None
    """Where ``state`` leaves a size open that the other inputs fix (attention weights' source length) or the
    keyword flags change the state (``need_weights=False`` gives ``None``)."""
    state_keywords: frozenset[str] = frozenset()
    """Keyword arguments of ``forward`` that change the state's shape alone (``average_attn_weights``)."""
    sublayers: Callable[[Args], tuple[object, ...]] | None = None
    """Set for containers such as TransformerEncoder: the modules from its arguments that it runs, in order."""
    neutral_keywords: frozenset[str] = frozenset()
    """Keyword arguments of ``forward`` that never change the output's shape: masks and causal flags."""
    accepts_tuple: bool = False
    """Returns a tuple it is handed as it is (Identity); every other kind refuses one, as torch does (tested)."""
    entries: EntriesRule | None = None
    """The tensors the layer owns, read through :func:`shapelint.catalog.entries.state_entries`; unset for none."""
    functionals: tuple[Functional, ...] = ()
    """Its twins in ``torch.nn.functional``, read through :func:`shapelint.catalog.functional.functional_rule`."""
    derived: Callable[[Args, str], object] | None = None
    """Attributes torch keeps in another form than the argument (Conv's ``stride`` as a tuple): the value of the
    named one, or ``None`` for a name it does not derive."""
    training_rule: TrainingRule | None = None
    """What torch also refuses in training mode, given the arguments and an input :meth:`infer` accepted (BatchNorm's
    one value per channel); the shape rules follow ``eval()`` mode, in which they are tested."""
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
                    f"{self.name}({self.input_arg}={found!r}) receives an input of shape {shape}; "
                    f"expected {expected!r}",
                    Problem.SIZE,
                    argument=self.input_arg,
                    expected=expected,
                    found=found,
                )
        return self.output(args, shape)

    def forward(self, args: Args, shapes: Sequence[Shape], keywords: Mapping[str, object]) -> object:
        """What ``forward`` returns on inputs of fully known ``shapes`` with these keyword flags, as the runtime's
        graphs call it: the output's shape, or ``(output, state)`` with ``None`` where torch returns None."""
        first, extras = shapes[0], tuple(shapes[1:])
        unknown = sorted(set(keywords) - self.neutral_keywords - self.state_keywords)
        if unknown:
            raise ShapeError(f"{self.name}.forward takes no keyword {', '.join(unknown)}")
        output = self.infer(args, first, checked=True)
        if self.extra_rule is not None:
            self.extra_rule(args, first, extras)
        elif extras:
            raise ShapeError(f"{self.name}.forward takes one tensor, got {len(shapes)}")
        for shape in extras[: self.rule_inputs - 1]:
            output = self.infer(args, shape, checked=True)
        if self.state is None:
            return output
        if self.call_state is not None:
            return output, self.call_state(args, first, extras, keywords)
        return output, self.state(args, first)


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


def expand(value: Any, count: int, name: str) -> tuple[Any, ...]:
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


def exact(value: Any, count: int, name: str) -> tuple[Any, ...]:
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


def tuple_refusal(kind: LayerKind, producer: LayerKind) -> ShapeError:
    """What a layer placed straight after a recurrent one in a Sequential meets: its ``(output, state)`` tuple."""
    message = (
        f"{kind.name} receives the (output, state) tuple {producer.name} returns, not a tensor; "
        f"take the output in a module's forward (`out, _ = self.rnn(x)`)"
    )
    return ShapeError(message, Problem.OTHER)
