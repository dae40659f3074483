"""Hypothesis strategies for pooling layers and their functional twins: a kind, its arguments and an input shape."""

from __future__ import annotations

from hypothesis import strategies as st

from tests.catalog.strategies import mostly, per_dim, spatial_shape

Case = tuple[str, dict[str, object], tuple[int, ...]]
counts = st.sampled_from((1, 2, 3))


@st.composite
def pool_case(draw: st.DrawFn) -> Case:
    count = draw(counts)
    kind = draw(st.sampled_from(("Max", "Avg")))
    kernel = draw(per_dim(count, mostly(st.integers(1, 4), st.integers(-1, 0))))
    args: dict[str, object] = {
        "kernel_size": kernel,
        "stride": draw(st.one_of(st.none(), per_dim(count, mostly(st.integers(1, 3), st.integers(-1, 0))))),
        "padding": draw(per_dim(count, mostly(st.integers(0, 2), st.just(-1)))),
        "ceil_mode": draw(st.booleans()),
    }
    if kind == "Max":
        args["dilation"] = draw(per_dim(count, mostly(st.integers(1, 2), st.integers(-1, 0))))
    else:
        args["count_include_pad"] = draw(st.booleans())
        if count > 1:
            args["divisor_override"] = draw(mostly(st.none(), st.integers(-1, 2)))
    shape = draw(spatial_shape(count, st.integers(1, 3)))
    return f"{kind}Pool{count}d", args, shape


@st.composite
def adaptive_case(draw: st.DrawFn) -> Case:
    count = draw(counts)
    size = mostly(st.sampled_from((1, 1, 2, 3, 5)), st.integers(-1, 0))
    entry = st.one_of(size, st.none()) if count > 1 else size
    wrong = st.one_of(st.none(), st.lists(entry, max_size=4).map(tuple))
    output_size = draw(mostly(st.one_of(size, st.tuples(*[entry] * count)), wrong))
    kind = draw(st.sampled_from(("Avg", "Max")))
    return f"Adaptive{kind}Pool{count}d", {"output_size": output_size}, draw(spatial_shape(count, st.integers(1, 3)))
