"""The runtime library's signatures: torch's, with the input size taken from the propagated shape.

``Linear(120)`` means ``out_features=120``: a required input-size argument
leaves the positional order and may only be given as a keyword, to be
checked.  The runtime builds its layers with this, and the linter reads
``shapelint.runtime`` models with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from shapelint.catalog.base import LayerKind
from shapelint.catalog.signature import REQUIRED
from shapelint.dims import UNKNOWN


def inferred_argument(kind: LayerKind) -> str | None:
    """The input-size argument when torch requires it; one with a default (PReLU's) keeps it."""
    name = kind.input_arg
    required = any(p.name == name and p.default is REQUIRED for p in kind.params)
    return name if required else None


def bind_inferred(
    kind: LayerKind, args: Sequence[object], kwargs: Mapping[str, object], placeholder: object = UNKNOWN
) -> dict[str, object]:
    """Bind a runtime-style call; the inferred argument is ``placeholder`` unless given by keyword."""
    skip = inferred_argument(kind)
    positional = [p.name for p in kind.params if not p.keyword_only and p.name != skip]
    if len(args) > len(positional):
        raise TypeError(f"{kind.name}() takes {len(positional)} positional arguments but {len(args)} were given")
    named = dict(zip(positional, args))
    for name in kwargs:
        if name in named:
            raise TypeError(f"{kind.name}() got multiple values for argument '{name}'")
    named.update(kwargs)
    if skip is not None:
        named.setdefault(skip, placeholder)
    return kind.bind((), named)
