"""Random nested ``nn.Sequential`` chains: propagating through the catalog agrees with torch.

Sizes are steered by the catalog's expected input size most of the time, so
that most chains run to the end; the verdict always comes from torch.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import torch
from hypothesis import event, given, settings
from hypothesis import strategies as st

from shapelint.catalog import CATALOG, ShapeError, propagate
from shapelint.dims import Shape
from tests.budget import examples
from tests.catalog.oracle import torch_checks
from tests.catalog.strategies import mostly

pytestmark = pytest.mark.sampled

Layer = tuple[str, dict[str, object]]
Tree = list["Layer | Tree"]
Maker = Callable[[st.DrawFn, int], tuple[str, dict[str, object]]]

_MAKERS: dict[str, Maker] = {
    "Conv2d": lambda draw, size: (
        "Conv2d",
        {"in_channels": size, "out_channels": draw(st.integers(1, 4)), "kernel_size": draw(st.integers(1, 3)),
         "padding": draw(st.integers(0, 1)), "stride": draw(st.integers(1, 2))},
    ),
    "BatchNorm2d": lambda draw, size: ("BatchNorm2d", {"num_features": size}),
    "ReLU": lambda draw, size: ("ReLU", {}),
    "Dropout": lambda draw, size: ("Dropout", {"p": 0.2}),
    "MaxPool2d": lambda draw, size: ("MaxPool2d", {"kernel_size": draw(st.integers(1, 3))}),
    "AdaptiveAvgPool2d": lambda draw, size: ("AdaptiveAvgPool2d", {"output_size": draw(st.integers(1, 3))}),
    "Flatten": lambda draw, size: ("Flatten", {}),
    "Linear": lambda draw, size: ("Linear", {"in_features": size, "out_features": draw(st.integers(1, 6))}),
    "LayerNorm": lambda draw, size: ("LayerNorm", {"normalized_shape": size}),
}


def _steered_size(draw: st.DrawFn, name: str, shape: Shape | None) -> int:
    """The size the catalog expects here, most of the time; a random one otherwise."""
    kind = CATALOG[name]
    expected = None
    if shape is not None and kind.input_arg is not None:
        try:
            expected = kind.expected_input_size(_defaults(name), shape)
        except ShapeError:
            expected = None
    fallback = st.integers(1, 6)
    if isinstance(expected, int) and expected > 0:
        return draw(mostly(st.just(expected), fallback, odds=10))
    return draw(fallback)


def _defaults(name: str) -> dict[str, object]:
    return {p.name: p.default for p in CATALOG[name].params}


@st.composite
def chains(draw: st.DrawFn, shape: Shape | None, depth: int = 0) -> tuple[Tree, Shape | None]:
    tree: Tree = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 2 and draw(st.integers(0, 5)) == 0:
            inner, shape = draw(chains(shape, depth + 1))
            tree.append(inner)
            continue
        name = draw(st.sampled_from(sorted(_MAKERS)))
        layer = _MAKERS[name](draw, _steered_size(draw, name, shape))
        tree.append(layer)
        shape = _advance(layer, shape)
    return tree, shape


def _advance(layer: Layer, shape: Shape | None) -> Shape | None:
    if shape is None:
        return None
    kind = CATALOG[layer[0]]
    try:
        return kind.infer(kind.bind((), layer[1]), shape)
    except ShapeError:
        return None


def _flatten(tree: Tree) -> list[Layer]:
    return [leaf for item in tree for leaf in (_flatten(item) if isinstance(item, list) else [item])]


def _build(tree: Tree) -> torch.nn.Sequential:
    layers = [_build(item) if isinstance(item, list) else getattr(torch.nn, item[0])(**item[1]) for item in tree]
    return torch.nn.Sequential(*layers)


def _torch(tree: Tree, shape: tuple[int, ...]) -> tuple[str, tuple[int, ...] | None]:
    with torch_checks():
        try:
            model = _build(tree).eval()
        except (ValueError, TypeError, RuntimeError):
            return ("construct", None)
        try:
            with torch.no_grad():
                return ("ok", tuple(model(torch.zeros(shape)).shape))
        except (ValueError, RuntimeError, IndexError):
            return ("forward", None)


def _catalog(tree: Tree, shape: tuple[int, ...]) -> tuple[str, tuple[int, ...] | None]:
    layers = [(CATALOG[name], CATALOG[name].bind((), args)) for name, args in _flatten(tree)]
    try:
        for kind, args in layers:
            kind.check_hyperparameters(args)
    except ShapeError:
        return ("construct", None)
    try:
        return ("ok", propagate(layers, Shape(shape)).dims)
    except ShapeError:
        return ("forward", None)


images = st.tuples(st.integers(1, 2), st.integers(1, 4), st.integers(1, 8), st.integers(1, 8))
inputs = st.one_of(images, st.tuples(st.integers(1, 2), st.integers(1, 8)))


@settings(max_examples=examples(400))
@given(shape=inputs, data=st.data())
def test_nested_sequential_agrees_with_torch(shape: tuple[int, ...], data: st.DataObject) -> None:
    tree, _ = data.draw(chains(Shape(shape)), label="chain")
    expected = _torch(tree, shape)
    event(f"torch: {expected[0]}")
    assert _catalog(tree, shape) == expected, tree
