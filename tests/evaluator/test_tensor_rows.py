"""Iterating, unpacking and unbinding a tensor give what torch gives: its slices along a dimension."""

from __future__ import annotations

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.dims import UNKNOWN, Shape
from shapelint.evaluator.operators import MAX_TENSOR_ROWS, iterate
from shapelint.evaluator.tensors import unbind
from shapelint.evaluator.values import Tensor
from tests.budget import examples

pytestmark = pytest.mark.sampled
_shapes = st.lists(st.integers(0, 5), min_size=0, max_size=4).map(tuple)


@settings(max_examples=examples(300))
@given(shape=_shapes)
def test_iteration_gives_the_rows(shape: tuple[int, ...]) -> None:
    rows = iterate(Tensor(Shape(shape)))
    try:
        real = [tuple(row.shape) for row in torch.zeros(shape)]
    except TypeError:  # iteration over a 0-d tensor (a recursive flatten reaches one): no loop runs
        assert rows is None
        return
    assert rows is not None and [row.shape.dims for row in rows] == real  # type: ignore[attr-defined]


@settings(max_examples=examples(300))
@given(shape=_shapes, dim=st.integers(-5, 4))
def test_unbind_gives_the_slices(shape: tuple[int, ...], dim: int) -> None:
    ours = unbind(Tensor(Shape(shape)), [dim], {})
    try:
        real = [tuple(part.shape) for part in torch.zeros(shape).unbind(dim)]
    except IndexError:
        assert ours is UNKNOWN
        return
    assert isinstance(ours, tuple) and [part.shape.dims for part in ours] == real


def test_a_long_or_unknown_first_dimension_is_not_iterated() -> None:
    assert iterate(Tensor(Shape((MAX_TENSOR_ROWS + 1, 3)))) is None
    assert iterate(Tensor(Shape.anything())) is None
