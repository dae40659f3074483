"""numpy's basic indexing on arrays of known shape (``values[:, 1:]``, ``values[:, 0]``), against numpy."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.dims import UNKNOWN, Shape
from shapelint.evaluator import arrays
from shapelint.evaluator.values import Array
from tests.budget import examples
from tests.evaluator.numpy_truth import agrees, run

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


def test_sliding_windows_cut_over_the_series_length_are_numpys() -> None:
    """The time-series idiom: ``len`` of an array is its first size, and each window a slice of known length."""
    pytest.importorskip("numpy", reason="numpy is the ground truth for its own indexing")
    loop = "x = []\nfor i in range(len(d) - 4 - 1):\n    x.append(d[i:(i + 4)])\ny = np.array(x)\n"
    ours, real = run(f"d = np.zeros((30, 2))\n{loop}")
    assert isinstance(ours, Array) and agrees(ours, real)
