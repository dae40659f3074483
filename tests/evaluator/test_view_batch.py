"""``view(-1, ...)`` on a tensor with a symbolic batch: whatever the batch is, torch gives what shapelint says."""

from __future__ import annotations

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.catalog import ShapeError
from shapelint.catalog.tensor_ops import flatten, reshape
from shapelint.dims import Shape, Symbol, same
from tests.budget import examples

pytestmark = pytest.mark.sampled
BATCH = Symbol("B")


@settings(max_examples=examples(500))
@given(
    tail=st.lists(st.integers(1, 4), min_size=0, max_size=3),
    sizes=st.lists(st.integers(1, 12), min_size=0, max_size=3),
    at=st.integers(0, 3),
)
def test_minus_one_is_the_batch_for_every_batch(tail: list[int], sizes: list[int], at: int) -> None:
    request = [*sizes[: min(at, len(sizes))], -1, *sizes[min(at, len(sizes)) :]]
    try:
        ours = reshape(Shape((BATCH, *tail)), request, {})
    except ShapeError:
        return
    for batch in (1, 2, 3, 5):
        try:
            real = tuple(torch.zeros(batch, *tail).view(*request).shape)
        except RuntimeError:
            assert ours.open or any(not isinstance(d, int) and d is not BATCH for d in ours.dims)
            continue
        assert len(ours.dims) == len(real)
        for mine, theirs in zip(ours.dims, real):
            assert mine == theirs or (mine is BATCH and theirs == batch) or not isinstance(mine, (int, Symbol))


def test_a_rejected_view_names_the_batch_as_it_is_written() -> None:
    """``x.view(x.size(0), 1024)`` on (B, 256, 6, 6): the message shows ``(B, 1024)``, as the code reads."""
    with pytest.raises(ShapeError, match=r"cannot view a tensor of shape \(B, 256, 6, 6\) as \(B, 1024\)$"):
        reshape(Shape((BATCH, 256, 6, 6)), [BATCH, 1024], {})


@settings(max_examples=examples(500))
@given(
    tail=st.lists(st.integers(1, 6), min_size=0, max_size=3),
    request=st.lists(st.integers(1, 40), min_size=1, max_size=2),
    inferred=st.booleans(),
    batches=st.sets(st.integers(1, 12), min_size=1, max_size=3),
)
def test_a_view_is_refused_for_a_loader_batch_exactly_when_torch_refuses_every_batch(
    tail: list[int], request: list[int], inferred: bool, batches: set[int]
) -> None:
    """A DataLoader's batch takes known sizes (``batch_size`` and the last batch's): shapelint refuses a view only
    when torch refuses it for each of them, and then torch fails on whichever batch comes first."""
    sized = Symbol("B", frozenset(batches))
    written = [-1, *request] if inferred else request
    refused = [batch for batch in sorted(batches) if _refused(torch.zeros(batch, *tail), written)]
    try:
        reshape(Shape((sized, *tail)), written, {})
    except ShapeError as error:
        assert len(refused) == len(batches), (batches, refused, str(error))
        assert "(the batch: " in str(error)
        return
    assert len(refused) < len(batches)


def _refused(tensor: torch.Tensor, written: list[int]) -> bool:
    try:
        tensor.view(*written)
    except RuntimeError:
        return True
    return False


@settings(max_examples=examples(500))
@given(
    tail=st.lists(st.integers(1, 6), min_size=1, max_size=3),
    request=st.lists(st.integers(1, 40), min_size=1, max_size=2),
    batches=st.sets(st.integers(1, 12), min_size=1, max_size=3),
)
def test_rows_of_a_batch_view_are_the_multiple_torch_gives(tail: list[int], request: list[int], batches: set[int]) -> None:
    """``x.view(-1, k)`` on a loader's batch: where ``-1`` stands for a multiple of the batch, each batch size the
    view fits gives torch's row count, and a multiple is the batch itself only where torch's rows equal the batch."""
    sized = Symbol("B", frozenset(batches))
    try:
        ours = reshape(Shape((sized, *tail)), [-1, *request], {})
    except ShapeError:
        return
    rows = ours.dims[0]
    for batch in batches:
        try:
            real = torch.zeros(batch, *tail).view(-1, *request).shape
        except RuntimeError:
            continue
        if isinstance(rows, Symbol):
            assert rows.sizes is not None and real[0] in rows.sizes
            assert same(rows, sized) is (real[0] == batch)
            assert int(batch * rows.scale) == real[0]


@settings(max_examples=examples(300))
@given(
    head=st.lists(st.integers(1, 4), max_size=2),
    tail=st.lists(st.integers(1, 4), max_size=2),
    batches=st.sets(st.integers(1, 12), min_size=1, max_size=3),
    start=st.integers(-4, 3),
    end=st.integers(-4, 3),
)
def test_flattening_across_the_batch_gives_the_multiple_torch_gives(
    head: list[int], tail: list[int], batches: set[int], start: int, end: int
) -> None:
    """``nn.Flatten(0)`` / ``x.flatten(start, end)`` over the batch and known sizes: for every batch size, the
    multiple of the batch is torch's size, and compares equal to the batch only where torch's does."""
    sized = Symbol("B", frozenset(batches))
    try:
        ours = flatten(Shape((*head, sized, *tail)), [start, end], {})
    except ShapeError:
        ours = None
    for batch in sorted(batches):
        try:
            real = tuple(torch.zeros(*head, batch, *tail).flatten(start, end).shape)
        except (IndexError, RuntimeError):
            continue
        assert ours is not None and len(ours.dims) == len(real), (head, tail, start, end)
        for mine, theirs in zip(ours.dims, real):
            if isinstance(mine, Symbol):
                assert int(batch * mine.scale) == theirs and theirs in (mine.sizes or ())
            else:
                assert mine == theirs or not isinstance(mine, int), (ours, real)
