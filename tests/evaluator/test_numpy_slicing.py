"""numpy's basic indexing on arrays of known shape (``values[:, 1:]``, ``values[:, 0]``), against numpy."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.dims import UNKNOWN, Shape
from shapelint.evaluator import arrays
from shapelint.evaluator.values import Array
from tests.budget import examples

pytestmark = pytest.mark.sampled

_BOUND = st.none() | st.integers(-7, 7)
_ITEMS = st.one_of(
    st.integers(-6, 6),
    st.builds(slice, _BOUND, _BOUND, st.none() | st.integers(-3, 3).filter(bool)),
    st.none(),
    st.just(Ellipsis),
)


@settings(max_examples=examples(500))
@given(dims=st.lists(st.integers(0, 5), min_size=0, max_size=4), items=st.lists(_ITEMS, min_size=1, max_size=5))
def test_basic_indexing_gives_numpy_s_shape_or_nothing(dims: list[int], items: list[object]) -> None:
    """Where numpy gives a shape, ours is it or unknown; where numpy raises, ours is unknown."""
    numpy = pytest.importorskip("numpy", reason="numpy is the ground truth for its own indexing")
    ours = arrays.sliced(Array(Shape(tuple(dims))), list(items))
    try:
        theirs = numpy.zeros(dims)[tuple(items)].shape
    except IndexError:
        assert ours is UNKNOWN
        return
    assert ours is UNKNOWN or (isinstance(ours, Array) and ours.shape.dims == theirs)
    if items.count(Ellipsis) <= 1:
        assert isinstance(ours, Array), (dims, items, theirs)
