"""Whether a value has the type the catalog declares for its parameter.

The runtime refuses other types at construction, and both halves use it to tell a
torch-style call from a runtime one (:mod:`shapelint.catalog.inferred`).
"""

from __future__ import annotations

import numbers
from collections.abc import Callable

from shapelint.catalog.signature import ArgType, Param
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


def unchecked(param: Param, value: object, placeholder: object = UNKNOWN) -> bool:
    """Left to the shape rules: no declared type, an unknown, the inferred placeholder, or None where torch takes it."""
    if param.type is ArgType.ANY or value is UNKNOWN or value is placeholder:
        return True
    return value is None and param.takes_none


def lacks(param: Param, value: object, placeholder: object = UNKNOWN) -> str | None:
    """The type ``value`` should have for ``param`` (``"a bool"``), or None when it has it or is left unchecked."""
    if unchecked(param, value, placeholder):
        return None
    accepts, description = _CHECKS[param.type]
    return None if accepts(value) else description
