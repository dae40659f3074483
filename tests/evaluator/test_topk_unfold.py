"""``topk``, ``x.unfold(dimension, size, step)`` and ``F.unfold`` (im2col): each was an unknown tensor, and every
layer after it unchecked.  The rules are compared with torch on drawn shapes and arguments (a rule may say unknown
where torch refuses, and raises only where it does); the programs run under torch."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.catalog import ShapeError, im2col, unfold_windows
from shapelint.catalog.tensor_ops import topk
from shapelint.dims import UNKNOWN, Shape
from shapelint.lint import lint_source
from tests.budget import examples

torch = pytest.importorskip("torch", reason="the rules are compared with torch, which this run has not installed")

SHAPES = st.lists(st.integers(0, 6), max_size=4).map(tuple)


def _agrees(rule_result: object, expected: tuple[int, ...] | None, unknown_allowed: bool = False) -> None:
    """Torch's shape where it succeeds (or unknown, where allowed); unknown or a refusal where it does not, and a
    refusal only there."""
    if isinstance(rule_result, ShapeError):
        assert expected is None
    elif expected is None:
        assert rule_result == Shape.anything()
    else:
        assert rule_result == Shape(expected) or (unknown_allowed and rule_result == Shape.anything())


def _run(rule: object, shape: tuple[int, ...], args: list[object], kwargs: dict[str, object]) -> object:
    try:
        return rule(Shape(shape), args, kwargs)  # type: ignore[operator]
    except ShapeError as error:
        return error


def _shape_of(call: object) -> tuple[int, ...] | None:
    try:
        result = call()  # type: ignore[operator]
    except (RuntimeError, IndexError):
        return None
    return tuple(result.shape)


@pytest.mark.sampled
@settings(max_examples=examples(400), deadline=None)
@given(shape=SHAPES, k=st.integers(-1, 7), dim=st.integers(-5, 4) | st.none(), keyword=st.booleans())
def test_topk_replaces_the_dimension_by_k(shape: tuple[int, ...], k: int, dim: int | None, keyword: bool) -> None:
    x = torch.zeros(shape)
    args, kwargs = ([k], {} if dim is None else {"dim": dim}) if keyword else ([k] + ([] if dim is None else [dim]), {})
    expected = _shape_of(lambda: torch.topk(x, *args, **kwargs).values)
    if expected is not None:
        assert _shape_of(lambda: x.topk(*args, **kwargs).indices) == expected
    _agrees(_run(topk, shape, args, kwargs), expected)


@pytest.mark.sampled
@settings(max_examples=examples(400), deadline=None)
@given(shape=SHAPES, dim=st.integers(-5, 4), size=st.integers(-1, 7), step=st.integers(-1, 4))
def test_tensor_unfold_adds_a_dimension_of_windows(shape: tuple[int, ...], dim: int, size: int, step: int) -> None:
    expected = _shape_of(lambda: torch.zeros(shape).unfold(dim, size, step))
    _agrees(_run(unfold_windows, shape, [dim, size, step], {}), expected, unknown_allowed=not shape)


_PAIRS = st.integers(-1, 4) | st.tuples(st.integers(-1, 4), st.integers(-1, 4))


@pytest.mark.sampled
@settings(max_examples=examples(600), deadline=None)
@given(
    shape=st.lists(st.integers(1, 9), min_size=2, max_size=5).map(tuple),
    kernel=_PAIRS,
    options=st.fixed_dictionaries({}, optional={"dilation": _PAIRS, "padding": _PAIRS, "stride": _PAIRS}),
)
def test_f_unfold_gives_torchs_columns(
    shape: tuple[int, ...], kernel: object, options: dict[str, object]
) -> None:
    expected = _shape_of(lambda: torch.nn.functional.unfold(torch.zeros(shape), kernel, **options))
    found = _run(im2col, shape, [kernel], options)
    _agrees(found, expected)
    if expected is not None:  # with the leading dimensions unknown, the known ones still come out
        assert im2col(Shape(shape[-3:], open=True), [kernel], options) == Shape(expected[-2:], open=True)


_PATCHES = """\
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear({width}, 1)
        self.head = nn.Linear({picked}, 1)

    def forward(self, x):
        patches = F.unfold(x, kernel_size=4, stride=4).transpose(1, 2)
        frames = x.mean(1).unfold(2, 8, 4)
        values, indices = frames.flatten(2).topk(5)
        return self.fc(patches).sum() + self.head(values).sum() + self.head(torch.topk(frames, 5, dim=-1).values).sum()


out = Net()(torch.randn(2, 3, 32, 32))
"""


def test_layers_after_unfold_and_topk_are_checked() -> None:
    correct = _PATCHES.format(width=48, picked=5)
    exec(compile(correct, "<program>", "exec", dont_inherit=True), {})
    assert lint_source(correct) == []
    for width, picked, line in ((16, 5, 9), (48, 8, 10)):
        buggy = _PATCHES.format(width=width, picked=picked)
        with pytest.raises(RuntimeError):
            exec(compile(buggy, "<program>", "exec", dont_inherit=True), {})
        assert [(d.line, d.code) for d in lint_source(buggy)] == [(line, "SHP001")]


def test_a_window_longer_than_its_dimension_collapses() -> None:
    source = """\
import torch

x = torch.randn(4, 9)
frames = x.unfold(1, 10, 2)
"""
    with pytest.raises(RuntimeError):
        exec(compile(source, "<program>", "exec", dont_inherit=True), {})
    assert [(d.line, d.code) for d in lint_source(source)] == [(4, "SHP004")]
    assert unfold_windows(Shape((UNKNOWN, 9), open=True), [-1, 4, 5], {}) == Shape((UNKNOWN, 2, 4), open=True)
