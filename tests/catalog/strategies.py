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


heads = mostly(st.integers(1, 3), st.sampled_from([0, -1, 2.0, 1.5, True, None, "2"]))
widths = mostly(st.integers(1, 3), st.sampled_from([0, -1, 2.0, True, None, "4"]))
"""Attention's head counts and widths per head, now and then invalid."""


@st.composite
def transformer_args(draw: st.DrawFn) -> dict[str, object]:
    """A Transformer layer's hyperparameters, ``d_model`` mostly heads times a width."""
    count, width = draw(heads), draw(widths)
    exact = isinstance(count, int) and isinstance(width, int) and not isinstance(count, bool)
    model = count * width if exact else draw(st.integers(1, 6))
    dropouts = st.sampled_from([0.0, 0.1, 1, True, float("nan")])
    return {
        "d_model": draw(mostly(st.just(model), st.sampled_from([model + 1, 0, -2, float(model), None]))),
        "nhead": count,
        "dim_feedforward": draw(mostly(st.integers(0, 6), st.sampled_from([-1, 2.0, True, None]))),
        "dropout": draw(mostly(dropouts, st.sampled_from([-0.5, 1.5, "0", None]))),
        "activation": draw(mostly(st.sampled_from(["relu", "gelu"]), st.sampled_from(["tanh", "RELU"]))),
        "batch_first": draw(mostly(st.booleans(), st.sampled_from([0, 1]))),
        "norm_first": draw(mostly(st.booleans(), st.sampled_from([0, 1]))),
        "bias": draw(st.booleans()),
    }


@st.composite
def inputs(draw: st.DrawFn, features: object) -> tuple[tuple[int, ...], str, int]:
    """Mostly 2-D or 3-D ending in ``features``; now and then a zero size, a wrong rank, size or dtype."""
    rank = draw(mostly(st.sampled_from([2, 3]), st.sampled_from([1, 4])))
    lead = draw(st.lists(mostly(st.integers(1, 3), st.just(0), odds=8), min_size=rank - 1, max_size=rank - 1))
    width = features if isinstance(features, int) and features > 0 else 3
    last = draw(mostly(st.just(width), st.integers(0, 7), odds=6))
    dtype = draw(mostly(st.just("float32"), st.just("long"), odds=12))
    return (*lead, last), dtype, draw(st.integers(-1, 3))
