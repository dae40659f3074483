"""The values the static evaluator computes: layers, Sequentials, tensors and containers.

Plain Python values (ints, strings, tuples) stand for themselves, and
:data:`shapelint.dims.UNKNOWN` for anything that cannot be computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import libcst as cst

from shapelint.catalog import LayerKind
from shapelint.dims import Shape

if TYPE_CHECKING:
    from shapelint.evaluator.evaluate import Scope


@dataclass(frozen=True, slots=True)
class ModuleRef:
    """A dotted name reached through imports, such as ``torch.nn`` or ``torch.nn.Linear``."""

    qualname: str


@dataclass(frozen=True, slots=True)
class Source:
    """The expression that supplied a value; ``via_parameter`` when it reached the layer through a call.

    A value passed through a parameter may feed other uses too, so fixing it
    is never safe.
    """

    node: cst.BaseExpression = field(repr=False)
    via_parameter: bool


@dataclass(eq=False, slots=True)
class Layer:
    """A call of a catalogued layer constructor, with its bound arguments."""

    kind: LayerKind
    args: dict[str, object]
    arg_nodes: dict[str, Source]
    node: cst.Call = field(repr=False)
    valid: bool = field(default=False, repr=False)
    """Set once the kind's hyperparameter checks passed: they depend on the arguments alone."""


@dataclass(eq=False, slots=True)
class SequentialValue:
    """An ``nn.Sequential`` (or runtime ``Sequential``) and its children in order."""

    children: list[tuple[str, object]]
    node: cst.Call = field(repr=False)
    input_shape: Shape | None = None


@dataclass(eq=False, slots=True)
class ListValue:
    """A mutable list; ``items`` is ``None`` once it may have changed in unknown ways."""

    items: list[object] | None


@dataclass(eq=False, slots=True)
class DictValue:
    """A dict or ``OrderedDict`` with known keys; ``None`` once it is unknowable."""

    items: dict[object, object] | None


@dataclass(eq=False, slots=True)
class Function:
    """A user-defined function or method, closed over its defining scope."""

    node: cst.FunctionDef = field(repr=False)
    scope: Scope
    defaults: dict[str, object]
    owner: ClassValue | None = None
    calls: int = 0
    uses: dict[str, int] | None = None


@dataclass(eq=False, slots=True)
class ClassValue:
    """A user-defined class: its body's names and its base classes."""

    node: cst.ClassDef = field(repr=False)
    attributes: dict[str, object]
    bases: tuple[object, ...]


@dataclass(eq=False, slots=True)
class Instance:
    """An object of a user class, such as ``self`` inside ``__init__``."""

    cls: ClassValue
    attributes: dict[str, object] = field(default_factory=dict)
    sequential: SequentialValue | None = None
    known: bool = True
    """``False`` when a constructor shapelint cannot follow (pydantic, attrs) may have set any attribute."""


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


@dataclass(frozen=True, slots=True)
class Tensor:
    """A tensor whose shape the evaluator tracks, with the step that last changed it."""

    shape: Shape
    origin: Origin | None = None
