"""Findings' messages: a code row's template filled with the layer, the values and where the shape came from."""

from __future__ import annotations

from shapelint.catalog import Family
from shapelint.dims import Shape, is_int
from shapelint.evaluator import Mismatch, Origin
from shapelint.judge.codes import CODES, SIZE_MESSAGE
from shapelint.source import Positions

_UNITS = {Family.LINEAR: "features", Family.CONV: "channels"}


def render(name: str, **fields: object) -> str:
    """The message of a finding of the code called ``name``."""
    return CODES[name].message.format(**fields)


def size_message(mismatch: Mismatch, origin: str) -> str:
    """A wrong input-size argument, in the size codes' words (PReLU's, reported as SHP006, too)."""
    error, family = mismatch.error, mismatch.layer.kind.family if mismatch.layer else None
    unit = _UNITS.get(family, "channels" if is_int(error.expected) else "trailing dimensions")  # type: ignore[arg-type]
    context = f"; {origin}" if origin else f" (input shape {mismatch.incoming})"
    fields = {"layer": mismatch.label, "argument": error.argument, "found": repr(error.found)}
    return SIZE_MESSAGE.format(**fields, expected=_plain(error.expected), unit=unit, context=context)


def problem_message(name: str, mismatch: Mismatch, origin: str) -> str:
    """Any other rejection: the shape rule's words, and the origin of the shape in parentheses."""
    return render(name, detail=mismatch.error.message, context=f" ({origin})" if origin else "")


def _plain(value: object) -> str:
    return repr(value) if isinstance(value, (list, tuple)) else str(value)


def describe_origin(origin: Origin | None, incoming: Shape, positions: Positions) -> str:
    """Where the incoming shape came from, e.g. ``Flatten at line 13 turns (B, 16, 4, 4) into (B, 256)``."""
    if origin is None:
        return ""
    if origin.node is None:
        return f"{origin.label} at line {origin.line}"
    line = positions.of(origin.node).line
    if origin.before is None:
        return f"{origin.label} at line {line} gives {incoming}"
    return f"{origin.label} at line {line} turns {origin.before} into {incoming}"
