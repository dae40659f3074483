"""Zero, constant, reflection, replication and circular padding in 1-3 dimensions agree with torch."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.catalog.oracle import assert_agrees, catalog_outcome, torch_outcome
from tests.catalog.strategies import mostly

pytestmark = pytest.mark.sampled

KINDS = ("Zero", "Constant", "Reflection", "Replication", "Circular")
sides = mostly(st.integers(0, 4), st.integers(-3, -1), odds=5)


@settings(max_examples=examples(900))
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


@pytest.mark.parametrize(
    ("name", "padding", "shape"),
    [
        ("CircularPad2d", (0, 0, 2, -1), (1, 2, 1)),
        ("CircularPad1d", (-1, 3), (1, 1, 3)),
        ("CircularPad1d", (-1, 3), (2, 1, 3)),
        ("CircularPad1d", (-3, 1), (1, 1, 3)),
        ("CircularPad1d", (1, -4), (1, 1, 3)),
        ("CircularPad2d", (-1, 2, 1, 3), (1, 4, 2)),
    ],
)
def test_circular_padding_that_wraps_the_input_onto_itself(name: str, padding: tuple[int, ...], shape: tuple[int, ...]) -> None:
    """A crop and a growth together: torch copies the borders from its own output, and refuses overlapping copies
    only where it can see them (every dimension before the copied one of size 1); found by a random draw."""
    assert catalog_outcome(name, {"padding": padding}, shape) == torch_outcome(name, {"padding": padding}, shape)
