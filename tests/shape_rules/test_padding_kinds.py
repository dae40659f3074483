"""Zero, constant, reflection, replication and circular padding in 1-3 dimensions agree with torch."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.shape_rules.oracle import assert_agrees
from tests.shape_rules.strategies import mostly

KINDS = ("Zero", "Constant", "Reflection", "Replication", "Circular")
sides = mostly(st.integers(0, 4), st.integers(-3, -1), odds=5)


@settings(max_examples=900)
@given(
    kind=st.sampled_from(KINDS),
    count=st.sampled_from((1, 2, 3)),
    shape=st.lists(st.integers(1, 5), min_size=0, max_size=6).map(tuple),
    data=st.data(),
)
def test_padding(kind: str, count: int, shape: tuple[int, ...], data: st.DataObject) -> None:
    length = data.draw(mostly(st.just(2 * count), st.integers(1, 7), odds=5), label="length")
    padding = data.draw(st.one_of(sides, st.lists(sides, min_size=length, max_size=length).map(tuple)), label="padding")
    args: dict[str, object] = {"padding": padding}
    if kind == "Constant":
        args["value"] = 1.5
    assert_agrees(f"{kind}Pad{count}d", args, shape)
