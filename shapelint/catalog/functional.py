"""``torch.nn.functional`` twins of layer kinds (``F.max_pool2d`` is MaxPool2d's), computed by the kind's rule."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from shapelint.catalog.base import LayerKind
from shapelint.catalog.families import CATALOG
from shapelint.catalog.signature import Args, Functional
from shapelint.dims import Shape

FunctionalRule = Callable[[Shape, list[object], dict[str, object]], object]
Twins = tuple[tuple[LayerKind, Functional], ...]


def _index() -> dict[str, Twins]:
    found: dict[str, list[tuple[LayerKind, Functional]]] = {}
    for kind in CATALOG.values():
        for twin in kind.functionals:
            computing = kind if twin.output is None else replace(kind, output=twin.output)
            found.setdefault(twin.name, []).append((computing, twin))
    return {name: tuple(twins) for name, twins in found.items()}


_TWINS = _index()


def functional_rule(name: str) -> FunctionalRule | None:
    """The rule of ``F.<name>``, or ``None`` when no kind has that twin.

    ``rule(shape, args_after_input, kwargs)`` gives the output shape or raises :class:`ShapeError`.
    """
    twins = _TWINS.get(name)
    return None if twins is None else partial(_infer, twins)


def _infer(twins: Twins, shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape | None:
    """An unknown shape where torch refuses the call's arguments or no kind takes it (an unknown ``mode``); ``None``
    (not a tensor) where the call may return a pair (``F.max_pool2d(x, 2, return_indices=True)``), after its checks."""
    for kind, twin in twins:
        try:
            called = twin.bind(args, kwargs)
        except TypeError:
            return Shape.anything()
        if twin.chooses is None or twin.chooses(called):
            inferred = kind.infer(kind.bind((), _kind_arguments(kind, twin, called)), shape)
            return inferred if called.get("return_indices", False) is False else None
    return Shape.anything()


def _kind_arguments(kind: LayerKind, twin: Functional, called: Args) -> dict[str, object]:
    renamed = dict(twin.renamed)
    named = ((renamed.get(name, name), value) for name, value in called.items())
    return {name: value for name, value in named if name in kind.param_names}
