"""Identity, Linear, Bilinear, Flatten and Unflatten agree with torch."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.catalog.oracle import assert_agrees

pytestmark = pytest.mark.sampled

shapes = st.lists(st.integers(1, 5), min_size=0, max_size=5).map(tuple)
sizes = st.integers(-1, 6)


@settings(max_examples=examples(150), deadline=None)
@given(shape=shapes, in_features=sizes, out_features=st.integers(0, 6), bias=st.booleans())
def test_linear(shape: tuple[int, ...], in_features: int, out_features: int, bias: bool) -> None:
    assert_agrees("Linear", {"in_features": in_features, "out_features": out_features, "bias": bias}, shape)


@settings(max_examples=examples(60), deadline=None)
@given(shape=shapes)
def test_identity(shape: tuple[int, ...]) -> None:
    assert_agrees("Identity", {}, shape)


@settings(max_examples=examples(200), deadline=None)
@given(shape=shapes, start_dim=st.integers(-5, 5), end_dim=st.integers(-5, 5))
def test_flatten(shape: tuple[int, ...], start_dim: int, end_dim: int) -> None:
    assert_agrees("Flatten", {"start_dim": start_dim, "end_dim": end_dim}, shape)


@settings(max_examples=examples(200), deadline=None)
@given(
    shape=st.lists(st.integers(1, 12), min_size=1, max_size=4).map(tuple),
    dim=st.integers(-4, 3),
    sizes=st.lists(st.sampled_from([-1, 1, 2, 3, 4, 6]), min_size=1, max_size=3).map(tuple),
)
def test_unflatten(shape: tuple[int, ...], dim: int, sizes: tuple[int, ...]) -> None:
    assert_agrees("Unflatten", {"dim": dim, "unflattened_size": sizes}, shape)


@settings(max_examples=examples(150), deadline=None)
@given(
    shape=st.lists(st.integers(1, 6), min_size=1, max_size=3).map(tuple),
    sizes=st.sampled_from([4, 2.0, "x", None, (), [], (2.0, 2), (2, None), ("a", 2), ((2,), 2), [2, -1]]),
)
def test_unflatten_sizes_of_other_types(shape: tuple[int, ...], sizes: object) -> None:
    assert_agrees("Unflatten", {"dim": 0, "unflattened_size": sizes}, shape)
