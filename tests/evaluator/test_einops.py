"""einops patterns against einops itself: the shape shapelint reads is the shape einops gives, or unknown."""

from __future__ import annotations

import einops
import libcst as cst
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.dims import Shape, Symbol
from shapelint.evaluator.einops_calls import call, output_shape
from shapelint.evaluator.values import Layer, Tensor
from tests.budget import examples

pytestmark = pytest.mark.sampled

_AXES = ["a", "b", "c", "d", "e"]


@st.composite
def _cases(draw: st.DrawFn) -> tuple[str, str, tuple[int, ...], dict[str, int]]:
    """A valid pattern for a random operation, the input it fits, and the lengths einops needs to solve it."""
    operation = draw(st.sampled_from(["rearrange", "reduce", "repeat"]))
    names = draw(st.lists(st.sampled_from(_AXES), min_size=1, max_size=4, unique=True))
    size = {name: draw(st.integers(1, 4)) for name in _AXES}
    groups = _grouped(draw, names)
    shape = tuple(_product(size[n] for n in group) for group in groups)
    lengths = {}
    for group in groups:
        solved = draw(st.sampled_from(group))
        lengths.update({n: size[n] for n in group if n != solved or draw(st.booleans())})
    right_names = list(draw(st.permutations(names)))
    if operation == "reduce":
        right_names = right_names[: draw(st.integers(0, len(right_names)))]
    if operation == "repeat":
        new = [n for n in _AXES if n not in names][: draw(st.integers(0, 2))]
        lengths.update({n: size[n] for n in new})
        right_names += new
        right_names = list(draw(st.permutations(right_names)))
    right = _grouped(draw, right_names) if right_names else []
    ellipsis = draw(st.booleans())
    if ellipsis:
        shape = (draw(st.integers(1, 3)), *shape)
    left_text = ("... " if ellipsis else "") + " ".join(_text(g) for g in groups)
    right_text = ("... " if ellipsis else "") + " ".join(_text(g) for g in right)
    return operation, f"{left_text} -> {right_text}", shape, lengths


def _grouped(draw: st.DrawFn, names: list[str]) -> list[list[str]]:
    groups: list[list[str]] = []
    for name in names:
        if groups and draw(st.booleans()):
            groups[-1].append(name)
        else:
            groups.append([name])
    return groups


def _text(group: list[str]) -> str:
    return group[0] if len(group) == 1 else f"({' '.join(group)})"


def _product(values: object) -> int:
    total = 1
    for value in values:  # type: ignore[attr-defined]
        total *= value
    return total


def _einops(operation: str, pattern: str, shape: tuple[int, ...], lengths: dict[str, int]) -> tuple[int, ...] | None:
    x = torch.zeros(shape)
    extra = ("mean",) if operation == "reduce" else ()
    try:
        return tuple(getattr(einops, operation)(x, pattern, *extra, **lengths).shape)
    except einops.EinopsError:
        return None


@settings(max_examples=examples(1500))
@given(case=_cases())
def test_known_shapes_are_the_ones_einops_gives(case: tuple[str, str, tuple[int, ...], dict[str, int]]) -> None:
    operation, pattern, shape, lengths = case
    expected = _einops(operation, pattern, shape, lengths)
    ours = output_shape(operation, pattern, Shape(shape), lengths)
    assert expected is not None, "the generator makes valid calls only"
    assert not ours.open and ours.dims == expected, f"{operation}({shape}, {pattern!r}, **{lengths})"


@pytest.mark.parametrize(
    ("pattern", "shape", "lengths"),
    [
        ("b c h w -> b (c h w)", (2, 3, 4), {}),  # rank differs
        ("b (h p) -> b h p", (2, 7), {"p": 2}),  # does not divide
        ("b (h p) -> b h p", (2, 8), {}),  # two unknowns in a group
        ("b c -> c b b", (2, 3), {}),  # an axis twice
        ("b c -> b d", (2, 3), {}),  # an axis on one side
        ("b c -> (b c", (2, 3), {}),  # unbalanced
        ("b c h -> b c", (2, 3, 4), {}),  # rearrange drops an axis
    ],
)
def test_a_pattern_einops_refuses_is_unknown(pattern: str, shape: tuple[int, ...], lengths: dict[str, int]) -> None:
    assert _einops("rearrange", pattern, shape, lengths) is None
    assert output_shape("rearrange", pattern, Shape(shape), lengths).open


def test_a_symbolic_batch_and_an_open_shape_pass_through() -> None:
    batch = Symbol("B")
    assert output_shape("rearrange", "b c h w -> b (c h w)", Shape((batch, 3, 4, 4)), {}).dims == (batch, 48)
    opened = output_shape("rearrange", "... (h d) -> ... h d", Shape((64,), open=True), {"h": 8})
    assert opened.open and opened.dims == (8, 8)


def test_layers_and_functions_are_recognised_by_name() -> None:
    node = cst.parse_expression("f(x)")
    layer = call("einops.layers.torch.Reduce", ["b n d -> b d", "mean"], {}, node)  # type: ignore[arg-type]
    assert isinstance(layer, Layer) and layer.kind.name == "Reduce"
    tensor = call("einops.repeat", [Tensor(Shape((2, 3))), "b c -> b r c"], {"r": 4}, node)  # type: ignore[arg-type]
    assert isinstance(tensor, Tensor) and tensor.shape.dims == (2, 4, 3)
    assert call("einops.pack", [], {}, node) is None  # type: ignore[arg-type]
