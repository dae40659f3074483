"""Type checks at construction, by the type the catalog declares for each parameter.

torch finds most wrong types only on the first call, if at all; the runtime
refuses them up front, with a message that names the layer.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Mapping

from shapelint.catalog import ArgType, LayerKind, Param
from shapelint.dims import UNKNOWN, is_int


def is_size(value: object) -> bool:
    return is_int(value) or (isinstance(value, tuple) and all(is_int(item) for item in value))


_CHECKS: dict[ArgType, tuple[Callable[[object], bool], str]] = {
    ArgType.INT: (is_int, "an int"),
    ArgType.SIZE: (is_size, "an int or a tuple of ints"),
    ArgType.SIZE_OR_TEXT: (lambda value: is_size(value) or isinstance(value, str), "an int or a tuple of ints"),
    ArgType.BOOL: (lambda value: isinstance(value, bool), "a bool"),
    ArgType.REAL: (lambda value: isinstance(value, numbers.Real), "a real number"),
}


def check_types(kind: LayerKind, args: Mapping[str, object], placeholder: object) -> None:
    """Raise TypeError naming the first parameter, in torch's order, of another type (ValueError: a real past float)."""
    for param in kind.params:
        value = args[param.name]
        if _unchecked(param, value, placeholder):
            continue
        accepts, description = _CHECKS[param.type]
        if not accepts(value):
            raise TypeError(f"{kind.name}: {param.name} must be {description}, got {value!r}")
        if param.type is ArgType.REAL:
            _check_float(kind, param.name, value)


def _unchecked(param: Param, value: object, placeholder: object) -> bool:
    """Left to the shape rules: no declared type, an unknown, the inferred placeholder, or None where torch takes it."""
    if param.type is ArgType.ANY or value is UNKNOWN or value is placeholder:
        return True
    return value is None and param.takes_none


def _check_float(kind: LayerKind, name: str, value: object) -> None:
    """A real number torch's kernels can take: one within float range."""
    try:
        float(value)  # type: ignore[arg-type]
    except OverflowError:
        raise ValueError(f"{kind.name}: {name}={value!r} is too large for a float") from None
