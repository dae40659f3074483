"""``torch.einsum`` with a literal equation: its output was unknown, and every layer after it unchecked.  The rule
is compared with torch on drawn equations and shapes (some sizes hidden, some operands of unknown rank); the
programs run under torch."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.catalog import ShapeError
from shapelint.catalog.einsum import einsum_shape
from shapelint.dims import UNKNOWN, Dim, Shape
from shapelint.lint import lint_source
from tests.budget import examples

torch = pytest.importorskip("torch", reason="the rule is compared with torch, which this run has not installed")

LETTERS = "abcD"


@st.composite
def _case(draw: st.DrawFn) -> tuple[str, list[tuple[int, ...]]]:
    """An equation and operand shapes that mostly fit it: each letter has a size, which an occurrence may replace
    by 1 or by another size; ellipses cover drawn dimensions."""
    sizes = {letter: draw(st.integers(1, 4)) for letter in LETTERS}
    covered = tuple(draw(st.lists(st.integers(1, 3), max_size=2)))
    pieces, shapes = [], []
    for _ in range(draw(st.integers(1, 3))):
        letters = draw(st.lists(st.sampled_from(LETTERS), max_size=3))
        ellipsis = draw(st.integers(-1, len(letters)))
        dims = [draw(st.sampled_from([sizes[x], sizes[x], 1, draw(st.integers(1, 4))])) for x in letters]
        if ellipsis >= 0:
            own = covered[draw(st.integers(0, len(covered))) :]
            own = tuple(d if draw(st.booleans()) else draw(st.integers(1, 3)) for d in own)
            letters.insert(ellipsis, "...")
            dims[ellipsis:ellipsis] = own
        pieces.append("".join(letters))
        shapes.append(tuple(dims))
    equation = ",".join(pieces)
    if draw(st.booleans()):
        named = sorted({x for x in equation if x.isalpha()})
        output = draw(st.lists(st.sampled_from(named), unique=True)) if named else []
        if "..." in equation and draw(st.booleans()):
            output.insert(draw(st.integers(0, len(output))), "...")
        equation += "->" + "".join(output)
    return equation, shapes


def _hidden(data: st.DataObject, shape: tuple[int, ...]) -> Shape:
    """``shape`` with some sizes unknown, or with its leading dimensions unknown."""
    dims: list[Dim] = [UNKNOWN if data.draw(st.booleans()) else d for d in shape]
    cut = data.draw(st.integers(0, len(shape)))
    return Shape(tuple(dims[cut:]), open=True) if data.draw(st.booleans()) else Shape(tuple(dims))


def _torch(equation: str, shapes: list[tuple[int, ...]]) -> tuple[int, ...] | None:
    try:
        return tuple(torch.einsum(equation, *[torch.zeros(shape) for shape in shapes]).shape)
    except RuntimeError:
        return None


@pytest.mark.sampled
@settings(max_examples=examples(1500), deadline=None)
@given(case=_case(), data=st.data())
def test_einsum_gives_torchs_shape_and_refuses_only_what_torch_does(
    case: tuple[str, list[tuple[int, ...]]], data: st.DataObject
) -> None:
    equation, shapes = case
    expected = _torch(equation, shapes)
    if expected is None:
        with pytest.raises(ShapeError):
            einsum_shape(equation, [Shape(shape) for shape in shapes])
    else:
        assert einsum_shape(equation, [Shape(shape) for shape in shapes]) == Shape(expected)
    try:
        found = einsum_shape(equation, [_hidden(data, shape) for shape in shapes])
    except ShapeError:
        assert expected is None
        return
    if expected is not None and found.dims:
        assert len(found.dims) == len(expected) if not found.open else len(found.dims) <= len(expected)
        assert all(d is UNKNOWN or d == e for d, e in zip(reversed(found.dims), reversed(expected)))


@pytest.mark.parametrize(
    ("equation", "count"),
    [("i->.", 1), ("i - > i", 1), ("i1", 1), ("..i", 1), ("i->j", 1), ("i->ii", 1), ("ij->i.j", 1)],
)
def test_an_equation_torch_cannot_parse_is_unknown(equation: str, count: int) -> None:
    with pytest.raises(RuntimeError):
        torch.einsum(equation, torch.zeros(2, 2))
    assert einsum_shape(equation, [Shape((2, 2))]) == Shape.anything()


_PROJECTION = """\
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Parameter(torch.randn(7, 6))
        self.fc = nn.Linear({width}, 1)

    def forward(self, x):
        h = torch.einsum({operands})
        return self.fc(h)


out = Net()(torch.randn(2, 3, 7))
"""


@pytest.mark.parametrize(
    "operands", ["'bnd,de->bne', x, self.proj", "'bnd,dz', [x, self.proj]", "'...d,de->...e', (x, self.proj)"]
)
def test_a_layer_after_einsum_is_checked(operands: str) -> None:
    correct = _PROJECTION.format(width=6, operands=operands)
    exec(compile(correct, "<program>", "exec", dont_inherit=True), {})
    assert lint_source(correct) == []
    buggy = _PROJECTION.format(width=5, operands=operands)
    with pytest.raises(RuntimeError):
        exec(compile(buggy, "<program>", "exec", dont_inherit=True), {})
    assert [(d.line, d.code) for d in lint_source(buggy)] == [(9, "SHP001")]


def test_einsum_refuses_subscripts_whose_sizes_clash() -> None:
    source = """\
import torch

x = torch.randn(2, 3)
y = torch.einsum("ij,jk->ik", x, torch.randn(4, 5))
"""
    with pytest.raises(RuntimeError):
        exec(compile(source, "<program>", "exec", dont_inherit=True), {})
    assert [(d.line, d.code) for d in lint_source(source)] == [(4, "SHP006")]
