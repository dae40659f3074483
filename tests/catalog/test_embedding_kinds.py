"""Embedding and EmbeddingBag agree with torch, for integer and float indices.

EmbeddingBag with ``embedding_dim=0`` succeeds or fails in torch depending on
the batch size (an empty-tensor kernel quirk), so its sizes start at 1.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.catalog.oracle import assert_agrees
from tests.catalog.strategies import mostly

pytestmark = pytest.mark.sampled

shapes = st.lists(st.integers(1, 4), min_size=0, max_size=4).map(tuple)
dtypes = mostly(st.just("int"), st.just("float"), odds=4)


@settings(max_examples=examples(300))
@given(
    shape=shapes,
    dtype=dtypes,
    count=mostly(st.integers(1, 6), st.integers(-1, 0), odds=6),
    dim=mostly(st.integers(0, 4), st.just(-1), odds=10),
    padding_idx=st.one_of(st.none(), st.integers(-7, 7)),
)
def test_embedding(shape: tuple[int, ...], dtype: str, count: int, dim: int, padding_idx: int | None) -> None:
    args = {"num_embeddings": count, "embedding_dim": dim, "padding_idx": padding_idx}
    assert_agrees("Embedding", args, shape, dtype)


@settings(max_examples=examples(300))
@given(
    shape=shapes,
    dtype=dtypes,
    count=st.integers(1, 6),
    dim=st.integers(1, 4),
    mode=mostly(st.sampled_from(("sum", "mean", "max")), st.just("median")),
    padding_idx=st.one_of(st.none(), st.integers(-7, 7)),
)
def test_embedding_bag(
    shape: tuple[int, ...], dtype: str, count: int, dim: int, mode: str, padding_idx: int | None
) -> None:
    args = {"num_embeddings": count, "embedding_dim": dim, "mode": mode, "padding_idx": padding_idx}
    assert_agrees("EmbeddingBag", args, shape, dtype)
