"""Indexing with lists and integer tensors (``x[src]`` in a graph layer, ``x[:, [0, 2]]``), ``gather``, ``index_select``,
``F.one_hot`` and the writes at indices (``index_add_``, ``scatter_add``): each was unknown, and every layer after it
unchecked.  The rules are compared with torch on drawn shapes and indices; the programs run under torch."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.catalog.tensor_ops import IndexList, gather, index, index_select, one_hot
from shapelint.dims import UNKNOWN, Shape
from shapelint.lint import lint_source
from tests.budget import examples

torch = pytest.importorskip("torch", reason="the rules are compared with torch, which this run has not installed")


@st.composite
def _indexing(draw: st.DrawFn) -> tuple[tuple[int, ...], list[object], list[object], list[int]]:
    """A shape, torch's index items, ours (each list's size known or not), and where the lists stand."""
    shape = tuple(draw(st.lists(st.integers(1, 5), min_size=1, max_size=4)))
    count = draw(st.integers(1, len(shape)))
    picks = draw(st.integers(1, 4))
    real: list[object] = []
    ours: list[object] = []
    lists: list[int] = []
    for position, size in enumerate(shape[:count]):
        kind = draw(st.sampled_from(["int", "all", "slice", "list"]))
        if kind == "int":
            at = draw(st.integers(-size, size - 1))
            real.append(at)
            ours.append(at)
        elif kind == "slice":
            bounds = slice(draw(st.integers(-6, 6) | st.none()), draw(st.integers(-6, 6) | st.none()))
            real.append(bounds)
            ours.append(bounds)
        elif kind == "all":
            real.append(slice(None))
            ours.append(slice(None))
        else:
            rows = draw(st.lists(st.integers(-size, size - 1), min_size=picks, max_size=picks))
            real.append(torch.tensor(rows, dtype=torch.long))
            ours.append(IndexList(picks if draw(st.booleans()) else UNKNOWN))
            lists.append(position)
    if draw(st.booleans()) and len(real) < len(shape):
        real.append(Ellipsis)
        ours.append(Ellipsis)
    return shape, real, ours, lists


@pytest.mark.sampled
@settings(max_examples=examples(400), deadline=None)
@given(case=_indexing())
def test_index_lists_take_the_place_torch_gives_their_picks(
    case: tuple[tuple[int, ...], list[object], list[object], list[int]],
) -> None:
    shape, real, ours, lists = case
    expected = tuple(torch.zeros(shape)[tuple(real)].shape)
    found = index(Shape(shape), ours)
    assert not found.open and len(found.dims) == len(expected)
    for dim, size in zip(found.dims, expected):
        assert dim == size or (dim is UNKNOWN and lists)


@pytest.mark.sampled
@settings(max_examples=examples(200), deadline=None)
@given(data=st.data(), shape=st.lists(st.integers(1, 5), min_size=1, max_size=4).map(tuple))
def test_gather_gives_the_index_shape(data: st.DataObject, shape: tuple[int, ...]) -> None:
    dim = data.draw(st.integers(-len(shape), len(shape) - 1))
    picked = tuple(data.draw(st.integers(1, size)) for size in shape)
    rows = torch.zeros(picked, dtype=torch.long)
    expected = tuple(torch.zeros(shape).gather(dim, rows).shape)
    assert gather(Shape(shape, dtype="float"), Shape(picked, dtype="int")) == Shape(expected, dtype="float")


@pytest.mark.sampled
@settings(max_examples=examples(200), deadline=None)
@given(
    shape=st.lists(st.integers(1, 4), max_size=4).map(tuple),
    dim=st.integers(-5, 4),
    index=st.lists(st.integers(0, 3), max_size=2).map(tuple),
    dtype=st.sampled_from([torch.long, torch.int32, torch.float32, torch.bool]),
)
def test_index_select_agrees_with_torch(shape: tuple[int, ...], dim: int, index: tuple[int, ...], dtype: object) -> None:
    """A vector (or scalar) of integer positions, each within the size picked from: torch's shape, or its refusal
    (a dim out of range, an index of several dimensions or not of integers) where ours is unknown."""
    rows = torch.zeros(index, dtype=dtype)  # type: ignore[call-overload]
    kind = "int" if dtype in (torch.long, torch.int32) else "float"
    ours = index_select(Shape(shape, dtype="float"), dim, Shape(index, dtype=kind))
    try:
        expected: Shape | None = Shape(tuple(torch.zeros(shape).index_select(dim, rows).shape), dtype="float")
    except (IndexError, RuntimeError):
        expected = None
    if ours != Shape.anything():
        assert ours == expected, (shape, dim, index, dtype)


@pytest.mark.sampled
@settings(max_examples=examples(100), deadline=None)
@given(shape=st.lists(st.integers(1, 4), max_size=3).map(tuple), classes=st.integers(5, 9))
def test_one_hot_adds_the_classes(shape: tuple[int, ...], classes: int) -> None:
    labels = torch.randint(0, 5, shape)
    assert one_hot(Shape(shape, dtype="int"), [classes], {}).dims == tuple(torch.nn.functional.one_hot(labels, classes).shape)
    assert one_hot(Shape(shape, dtype="int"), [], {}).dims == (*shape, UNKNOWN)  # the largest label decides


_GRAPH = """\
import torch
import torch.nn as nn
import torch.nn.functional as F


class EdgeConv(nn.Module):
    def __init__(self, features, hidden, classes):
        super().__init__()
        self.message = nn.Linear(2 * features, hidden)
        self.update = nn.Linear({update}, hidden)
        self.head = nn.Linear(hidden + classes, classes)
        self.classes = classes

    def forward(self, x, edges, labels):
        src, dst = edges[0], edges[1]
        messages = F.relu(self.message(torch.cat([x[src], x[dst]], dim=1)))
        total = torch.zeros(x.size(0), messages.size(1)).index_add_(0, dst, messages)
        pooled = x.new_zeros(x.size(0), messages.size(1)).scatter_add(0, dst.unsqueeze(1).expand_as(messages), messages)
        h = self.update(torch.cat([total, pooled], dim=1))
        return self.head(torch.cat([h, F.one_hot(labels, self.classes).float()], dim=1))


net = EdgeConv(6, 16, 4)
out = net(torch.randn(10, 6), torch.randint(0, 10, (2, 30)), torch.randint(0, 4, (10,)))
"""


def test_a_graph_layer_built_from_picks_is_checked() -> None:
    correct = _GRAPH.replace("{update}", "2 * hidden")
    with torch.no_grad():
        exec(compile(correct, "<program>", "exec", dont_inherit=True), {})
    assert lint_source(correct) == []
    buggy = _GRAPH.replace("{update}", "hidden")
    with pytest.raises(RuntimeError), torch.no_grad():
        exec(compile(buggy, "<program>", "exec", dont_inherit=True), {})
    assert [(d.line, d.code) for d in lint_source(buggy)] == [(10, "SHP001")]


_PICKED_CHANNELS = """\
import torch
import torch.nn as nn

conv = nn.Conv2d({channels}, 8, 3)
x = torch.randn(2, 5, 16, 16)
y = conv(x[:, [0, 2, 4]])
"""


def test_a_list_of_channels_picks_that_many() -> None:
    correct = _PICKED_CHANNELS.replace("{channels}", "3")
    exec(compile(correct, "<program>", "exec", dont_inherit=True), {})
    assert lint_source(correct) == []
    buggy = _PICKED_CHANNELS.replace("{channels}", "5")
    with pytest.raises(RuntimeError):
        exec(compile(buggy, "<program>", "exec", dont_inherit=True), {})
    assert [(d.line, d.code) for d in lint_source(buggy)] == [(4, "SHP002")]


def test_a_mask_or_a_tensor_of_unknown_rank_is_not_read_as_picks() -> None:
    source = """\
import torch
import torch.nn as nn

fc = nn.Linear(6, 2)
x = torch.randn(4, 5, 6)
mask = x > 0
z = fc(x[mask[:, :, 0]])
w = fc(x[mask[:, 0, 0]])
"""
    exec(compile(source, "<program>", "exec", dont_inherit=True), {})
    assert lint_source(source) == []
