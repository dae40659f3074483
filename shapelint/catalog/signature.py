"""What a constructor or function takes: parameters, their declared types and attributes, and binding.

Layer kinds and their ``torch.nn.functional`` twins share it, so a call binds the same way to either.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from shapelint.dims import Shape


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED = _Required()

Args = Mapping[str, Any]
"""Arguments bound to parameter names, defaults filled.

Their values are typed ``Any`` on purpose: each was checked against its parameter's :class:`ArgType` before a
shape rule reads it, a check done at run time that a static type cannot express per parameter.
"""


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
    """One parameter of a constructor or function, in PyTorch's order."""

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
    ``output`` is set where the function's shape rule differs from its kind's: ``F.interpolate`` computes
    with a zero ``scale_factor`` that ``nn.Upsample``'s constructor drops.
    """

    renamed: tuple[tuple[str, str], ...] = ()
    chooses: Callable[[Args], bool] | None = None
    output: Callable[[Args, Shape], Shape] | None = None
