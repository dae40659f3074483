"""Type checks at construction, by the type the catalog declares for each parameter.

torch finds most wrong types only on the first call, if at all; the runtime
refuses them up front, with a message that names the layer.
"""

from __future__ import annotations

from collections.abc import Mapping

from shapelint.catalog import ArgType, LayerKind, is_size, lacks, unchecked

__all__ = ["check_types", "is_size"]


def check_types(kind: LayerKind, args: Mapping[str, object], placeholder: object) -> None:
    """Raise TypeError naming the first parameter, in torch's order, of another type (ValueError: a real past float)."""
    for param in kind.params:
        value = args[param.name]
        needed = lacks(param, value, placeholder)
        if needed is not None:
            raise TypeError(f"{kind.name}: {param.name} must be {needed}, got {value!r}")
        if param.type is ArgType.REAL and not unchecked(param, value, placeholder):
            _check_float(kind, param.name, value)


def _check_float(kind: LayerKind, name: str, value: object) -> None:
    """A real number torch's kernels can take: one within float range."""
    try:
        float(value)  # type: ignore[arg-type]
    except OverflowError:
        raise ValueError(f"{kind.name}: {name}={value!r} is too large for a float") from None
