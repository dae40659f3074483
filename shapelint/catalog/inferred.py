"""The runtime library's signatures: torch's, with the input size taken from the propagated shape.

``Linear(120)`` means ``out_features=120``: a required input-size argument
leaves the positional order and may only be given as a keyword, to be
checked.  Past it, only torch's other required arguments stay positional, so
a torch habit such as ``Conv2d(1, 6, 5)`` cannot silently build
``Conv2d(out_channels=1, kernel_size=6, stride=5)``: a call that reads as
torch's positional form is refused with :class:`TorchStyleCall`.  The runtime
builds its layers with this, and the linter reads ``shapelint.runtime``
models with it (reporting a torch-style call as SHP006).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from shapelint.catalog.argtypes import lacks
from shapelint.catalog.base import LayerKind
from shapelint.catalog.signature import REQUIRED, ArgType
from shapelint.dims import UNKNOWN


def inferred_argument(kind: LayerKind) -> str | None:
    """The input-size argument when torch requires it; one with a default (PReLU's) keeps it."""
    name = kind.input_arg
    required = any(p.name == name and p.default is REQUIRED for p in kind.params)
    return name if required else None


LAST_DIMENSION = (UNKNOWN,)
"""Stands for an inferred size that may span several dimensions (LayerNorm's ``normalized_shape``): the last one,
as Keras's ``LayerNormalization()`` normalizes."""


def placeholder(kind: LayerKind) -> object:
    """What stands for the inferred argument until an input fixes it: ``UNKNOWN``, or :data:`LAST_DIMENSION` for
    one that takes a tuple of sizes."""
    skip = inferred_argument(kind)
    sized = any(p.name == skip and p.type is ArgType.SIZE for p in kind.params)
    return LAST_DIMENSION if sized else UNKNOWN


def runtime_positional(kind: LayerKind) -> tuple[str, ...]:
    """The parameters a runtime call takes positionally: torch's, but past an inferred input size only the required
    ones, since every value written after them in torch's order would land one parameter off."""
    skip = inferred_argument(kind)
    params = [p for p in kind.params if not p.keyword_only]
    if skip is None:
        return tuple(p.name for p in params)
    before = [p.name for p in params].index(skip)
    return tuple(
        p.name for index, p in enumerate(params) if p.name != skip and (index < before or p.default is REQUIRED)
    )


class TorchStyleCall(TypeError):
    """A runtime call that only makes sense as torch's positional form, which gives the input size first.

    ``reading`` is the torch binding of what was written (positional arguments first, then the keywords);
    :meth:`explain` words it with the caller's spelling of each value (``repr`` at run time, source text in the
    linter).
    """

    def __init__(
        self, kind: LayerKind, positional: tuple[str, ...], keywords: tuple[str, ...], values: Sequence[str]
    ) -> None:
        self.kind, self.positional, self.keywords = kind, positional, keywords
        super().__init__(self.explain(values))

    def explain(self, values: Sequence[str]) -> str:
        """The message, ``values`` being the written arguments' texts in the order written (positional, keywords)."""
        name, skip = self.kind.name, inferred_argument(self.kind)
        texts = dict(zip(self.positional + self.keywords, values))
        written = [*values[: len(self.positional)], *(f"{key}={texts[key]}" for key in self.keywords)]
        torch = [f"{key}={texts[key]}" for key in self.positional + self.keywords]
        spelled = _runtime_spelling(self.kind, {key: text for key, text in texts.items() if key != skip})
        explicit = [*spelled, f"{skip}={texts[str(skip)]}"]
        return (
            f"{name}({', '.join(written)}) reads as torch's {name}({', '.join(torch)}); "
            f"in the runtime the input size is inferred: write {name}({', '.join(spelled)}), "
            f"or {name}({', '.join(explicit)}) to keep the explicit size"
        )


def _runtime_spelling(kind: LayerKind, texts: Mapping[str, str]) -> list[str]:
    """Arguments in the runtime's form: its leading positional parameters by position, every other by keyword."""
    positional = runtime_positional(kind)
    leading = 0
    while leading < len(positional) and positional[leading] in texts:
        leading += 1
    by_position = [texts[key] for key in positional[:leading]]
    order = [p.name for p in kind.params]
    rest = sorted((key for key in texts if key not in positional[:leading]), key=order.index)
    return by_position + [f"{key}={texts[key]}" for key in rest]


def bind_inferred(
    kind: LayerKind, args: Sequence[object], kwargs: Mapping[str, object]
) -> dict[str, object]:
    """Bind a runtime-style call; the inferred argument is :func:`placeholder` unless given by keyword.

    Raises :class:`TorchStyleCall` for a call the runtime cannot bind and torch's signature binds to values of the
    declared types, and TypeError for any other call the runtime cannot bind.
    """
    skip = inferred_argument(kind)
    try:
        named = _by_name(kind, runtime_positional(kind), args, kwargs)
    except TypeError:
        if skip is not None and _torch_reads(kind, args, kwargs):
            values = [repr(value) for value in [*args, *kwargs.values()]]
            positional = tuple(p.name for p in kind.params if not p.keyword_only)[: len(args)]
            raise TorchStyleCall(kind, positional, tuple(kwargs), values) from None
        raise
    if skip is not None:
        named.setdefault(skip, placeholder(kind))
    return kind.bind((), named)


def _by_name(
    kind: LayerKind, positional: Sequence[str], args: Sequence[object], kwargs: Mapping[str, object]
) -> dict[str, object]:
    if len(args) > len(positional):
        keywords = "" if len(positional) == len(kind.params) else "; the others are keyword-only"
        count = f"{len(positional)} positional argument{'' if len(positional) == 1 else 's'}"
        raise TypeError(f"{kind.name}() takes {count} ({', '.join(positional)}) but {len(args)} were given{keywords}")
    named = dict(zip(positional, args))
    for name in kwargs:
        if name in named:
            raise TypeError(f"{kind.name}() got multiple values for argument '{name}'")
    named.update(kwargs)
    return named


def _torch_reads(kind: LayerKind, args: Sequence[object], kwargs: Mapping[str, object]) -> bool:
    """Whether torch's own signature binds the call, to values of the types the catalog declares."""
    try:
        bound = kind.bind(args, kwargs)
    except TypeError:
        return False
    return all(lacks(param, bound[param.name]) is None for param in kind.params)
