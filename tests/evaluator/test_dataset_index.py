"""A dataset's ``__getitem__`` as the evaluator runs it, against the batches torch's ``DataLoader`` makes.

The evaluator hands ``__getitem__`` an index that is an int and nothing more; each shape it gives for a batch must
be the one torch gives, or unknown.
"""

from __future__ import annotations

import libcst as cst
import pytest

torch = pytest.importorskip("torch", reason="the batches come from torch's DataLoader")

from shapelint.dims import is_int  # noqa: E402
from shapelint.evaluator import Tensor, evaluate  # noqa: E402
from shapelint.evaluator.values import DictValue, ListValue  # noqa: E402

SOURCE = """\
import torch
from torch.utils.data import DataLoader, Dataset


class Rows(Dataset):
    def __init__(self):
        self.x = torch.randn(50, 45, 6)

    def __len__(self):
        return 40

    def __getitem__(self, idx):
        if torch.is_tensor(idx):
            idx = idx.tolist()
        return {item}


batch = next(iter(DataLoader(Rows(), batch_size=8)))
"""

CASES = [
    ("self.x[idx]", True),
    ("self.x[idx + 1]", True),
    ("self.x[idx - 1]", True),
    ("self.x[idx:idx + 3]", True),
    ("self.x[idx + 2:idx + 5, 1:]", True),
    ("self.x[idx, :, 0]", True),
    ("self.x[:, idx]", True),
    ("(self.x[idx], 3, 2.5)", True),
    ('{"image": self.x[idx], "label": 3}', True),
    ('{"x": self.x[idx:idx + 3], "y": (self.x[idx, 0], 2.5), "z": {"w": self.x[:, idx]}}', True),
    ("self.x[idx - 1:idx + 2]", False),
    ("self.x[idx:idx + 3:2]", False),
    ("self.x[idx:]", False),
    ("self.x[idx:idx]", False),
    ("self.x[2 * idx]", False),
]
"""Each item ``__getitem__`` returns, and whether the evaluator must know the batch's shapes (never where torch
cannot collate it: ``idx - 1:idx + 2`` is empty at index 0, ``idx:`` shorter at each index)."""


@pytest.mark.parametrize(("item", "known"), CASES, ids=[case[0] for case in CASES])
def test_a_batch_is_what_torch_collates(item: str, known: bool) -> None:
    source = SOURCE.format(item=item)
    found = evaluate(cst.parse_module(source)).names["batch"]
    namespace: dict[str, object] = {}
    try:
        exec(compile(source, "<case>", "exec"), namespace)  # the dataset as torch loads it
    except RuntimeError:
        assert not known and all(_dims(ours) is None for ours in _items(found))
        return
    theirs = _batches(namespace["batch"])
    ours = _items(found)
    assert len(ours) == len(theirs)
    shapes = [_dims(value) for value in ours]
    if known:
        assert all(shape is not None for shape, tensor in zip(shapes, theirs) if isinstance(tensor, torch.Tensor))
    for shape, tensor in zip(shapes, theirs):
        if shape is not None:
            assert shape == tuple(tensor.shape), item


def _items(found: object) -> list[object]:
    """The evaluator's batch as its leaves, in order: a tuple or list item by item, a dict value by value."""
    if isinstance(found, ListValue) and found.items is not None:
        found = tuple(found.items)
    if isinstance(found, DictValue) and found.items is not None:
        found = tuple(found.items.values())
    return [leaf for item in found for leaf in _items(item)] if isinstance(found, tuple) else [found]


def _batches(batch: object) -> list[object]:
    """torch's batch as its leaves, in the same order."""
    if isinstance(batch, dict):
        batch = list(batch.values())
    return [leaf for item in batch for leaf in _batches(item)] if isinstance(batch, (list, tuple)) else [batch]


def _dims(value: object) -> tuple[int, ...] | None:
    """The batch's shape with the batch dimension as torch's 8; ``None`` where the evaluator left it unknown."""
    if not isinstance(value, Tensor) or value.shape.open:
        return None
    dims = tuple(8 if index == 0 and not is_int(dim) else dim for index, dim in enumerate(value.shape.dims))
    return dims if all(is_int(dim) for dim in dims) else None
