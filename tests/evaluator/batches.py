"""Comparing what the evaluator knows of a batch or a sample with what torch gives: both taken apart into their
leaves (a tuple or list item by item, a dict value by value), each tensor the evaluator knows of torch's shape."""

from __future__ import annotations

import torch

from shapelint.dims import UNKNOWN, is_int
from shapelint.evaluator import Tensor
from shapelint.evaluator.values import DictValue, ListValue


def compare(ours: list[object], theirs: list[object], known: bool, item: str, batch: int) -> None:
    """Each leaf the evaluator knows has torch's shape (its batch dimension as torch's ``batch``); where ``known``,
    it knows every tensor; it may know nothing of a value it need not know."""
    if ours == [UNKNOWN] and not known:
        return
    assert len(ours) == len(theirs)
    shapes = [dims(value, batch) for value in ours]
    if known:
        assert all(shape is not None for shape, tensor in zip(shapes, theirs) if isinstance(tensor, torch.Tensor))
    for shape, tensor in zip(shapes, theirs):
        if shape is not None:
            assert shape == tuple(tensor.shape), item


def leaves(found: object) -> list[object]:
    """The evaluator's batch as its leaves, in order: a tuple or list item by item, a dict value by value."""
    if isinstance(found, ListValue) and found.items is not None:
        found = tuple(found.items)
    if isinstance(found, DictValue) and found.items is not None:
        found = tuple(found.items.values())
    return [leaf for item in found for leaf in leaves(item)] if isinstance(found, tuple) else [found]


def torch_leaves(batch: object) -> list[object]:
    """torch's batch as its leaves, in the same order."""
    if isinstance(batch, dict):
        batch = list(batch.values())
    return [leaf for item in batch for leaf in torch_leaves(item)] if isinstance(batch, (list, tuple)) else [batch]


def dims(value: object, batch: int) -> tuple[int, ...] | None:
    """The shape with a symbolic first dimension as torch's ``batch``; ``None`` where the evaluator left it
    unknown."""
    if not isinstance(value, Tensor) or value.shape.open:
        return None
    sizes = tuple(batch if index == 0 and not is_int(dim) else dim for index, dim in enumerate(value.shape.dims))
    return sizes if all(is_int(size) for size in sizes) else None
