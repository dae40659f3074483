"""Hypothesis strategies for small layer hyperparameters and input shapes."""

from __future__ import annotations

from hypothesis import strategies as st

MAX_SPATIAL = {1: 8, 2: 6, 3: 4}


def mostly(valid: st.SearchStrategy, invalid: st.SearchStrategy, odds: int = 16) -> st.SearchStrategy:
    """``valid`` values, with one draw in about ``odds`` from ``invalid``: most cases should reach forward.

    ``one_of`` collapses repeated branches, so the odds come from an index instead.
    """
    return st.integers(0, odds - 1).flatmap(lambda index: invalid if index == 1 else valid)


def per_dim(count: int, values: st.SearchStrategy[int]) -> st.SearchStrategy[object]:
    """An int, a tuple of ``count`` ints, or now and then a tuple of another length."""
    return mostly(
        st.one_of(values, st.tuples(*[values] * count)),
        st.lists(values, min_size=1, max_size=4).map(tuple),
    )


def spatial_shape(count: int, channels: st.SearchStrategy[int]) -> st.SearchStrategy[tuple[int, ...]]:
    """Batched or unbatched ``(N, C, *spatial)``, sometimes of a wrong rank."""
    size = st.integers(1, MAX_SPATIAL[count])
    lead = st.one_of(st.tuples(st.integers(1, 2), channels), st.tuples(channels))
    wrong = st.lists(st.integers(1, 4), min_size=0, max_size=count + 3).map(tuple)
    right = st.builds(lambda head, tail: head + tail, lead, st.tuples(*[size] * count))
    return mostly(right, wrong, odds=10)
