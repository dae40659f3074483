"""``a @ b`` (``torch.matmul``) against torch on drawn shapes: vectors on either side, matrices, batches that
broadcast.  Ours is torch's shape, a refusal where torch refuses, or unknown (a scalar operand)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.catalog import ShapeError
from shapelint.catalog.tensor_ops import cdist, matmul
from shapelint.dims import Shape
from tests.budget import examples

torch = pytest.importorskip("torch", reason="the rule is compared with torch, which this run has not installed")

_SHAPES = st.lists(st.integers(1, 4), max_size=4).map(tuple)


@pytest.mark.sampled
@settings(max_examples=examples(400), deadline=None)
@given(left=_SHAPES, right=_SHAPES, same_inner=st.booleans())
def test_matmul_agrees_with_torch(left: tuple[int, ...], right: tuple[int, ...], same_inner: bool) -> None:
    if same_inner and left and right:  # half the draws share the contracted size, or nothing would multiply
        at = 0 if len(right) == 1 else -2
        right = (*right[: len(right) + at], left[-1], *right[len(right) + at + 1 :])
    try:
        expected: tuple[int, ...] | None = tuple((torch.zeros(left) @ torch.zeros(right)).shape)
    except RuntimeError:
        expected = None
    try:
        ours = matmul(Shape(left), Shape(right))
    except ShapeError:
        assert expected is None, (left, right)
        return
    if ours is not None:
        assert ours.dims == expected and not ours.open, (left, right)
    else:
        assert not left or not right, (left, right)  # only a scalar operand is left unknown


def test_a_vector_of_unknown_rank_is_not_taken_for_one() -> None:
    """An open shape of one known size may have more dimensions: nothing is decided."""
    assert matmul(Shape((3,), open=True), Shape((3,))) is None


@pytest.mark.sampled
@settings(max_examples=examples(300), deadline=None)
@given(left=_SHAPES, right=_SHAPES, same_columns=st.booleans())
def test_cdist_agrees_with_torch(left: tuple[int, ...], right: tuple[int, ...], same_columns: bool) -> None:
    if same_columns and left and right:  # half the draws share the column count, or nothing would compare
        right = (*right[:-1], left[-1])
    try:
        expected: tuple[int, ...] | None = tuple(torch.cdist(torch.zeros(left), torch.zeros(right)).shape)
    except RuntimeError:
        expected = None
    try:
        ours = cdist(Shape(left), Shape(right))
    except ShapeError:
        assert expected is None, (left, right)
        return
    assert ours is not None and ours.dims == expected, (left, right, ours)
