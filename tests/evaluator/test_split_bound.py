"""``split`` and ``chunk`` list their pieces only up to a bound: ``x.split(1)`` of a dimension of a billion made a
list of a billion shapes (a mutated model in tests/reliability took 10 GB)."""

from __future__ import annotations

from shapelint.catalog.tensor_ops import MAX_PARTS, split
from shapelint.dims import Shape


def test_a_split_into_too_many_pieces_is_unknown() -> None:
    assert split(Shape((2, 10**9)), 1, 1, by_count=False) is None
    assert split(Shape((2, 10**9)), 10**9, 1, by_count=True) is None


def test_pieces_up_to_the_bound_are_listed() -> None:
    assert [part.dims for part in split(Shape((2, 10)), 4, 1, by_count=False) or []] == [(2, 4), (2, 4), (2, 2)]
    assert [part.dims for part in split(Shape((2, 10)), 3, 1, by_count=True) or []] == [(2, 4), (2, 4), (2, 2)]
    assert len(split(Shape((MAX_PARTS,)), 1, 0, by_count=False) or []) == MAX_PARTS
