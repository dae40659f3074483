"""A dataset's ``__getitem__`` as the evaluator runs it, against the batches torch's ``DataLoader`` makes, and a
dataset indexed directly (``ds[0]``, a dataset that wraps another), against the samples torch's datasets give.

The evaluator hands ``__getitem__`` an index that is an int and nothing more; each shape it gives for a batch or a
sample must be the one torch gives, or unknown.
"""

from __future__ import annotations

import libcst as cst
import pytest

torch = pytest.importorskip("torch", reason="the batches come from torch's DataLoader")

from shapelint.evaluator import evaluate  # noqa: E402
from tests.evaluator.batches import compare, dims, leaves, torch_leaves  # noqa: E402

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
        assert not known and all(dims(ours, 8) is None for ours in leaves(found))
        return
    compare(leaves(found), torch_leaves(namespace["batch"]), known, item, batch=8)


ITEM_SOURCE = """\
import torch
from torch.utils.data import DataLoader, Dataset, Subset, TensorDataset, random_split

x, y = torch.randn(40, 3, 8, 8), torch.randint(0, 5, (40,))


class Rows(Dataset):
    def __init__(self):
        self.x, self.y = torch.randn(40, 2, 6), torch.randint(0, 5, (40,))

    def __len__(self):
        return 40

    def __getitem__(self, idx):
        return self.x[idx], self.y[idx]


class Records(Rows):
    def __getitem__(self, idx):
        return {{"image": self.x[idx], "label": self.y[idx], "index": idx}}


class Pairs(Dataset):
    def __init__(self, base):
        self.base = base

    def __len__(self):
        return len(self.base)

    def __getitem__(self, idx):
        first, label = self.base[idx]
        second, _ = self.base[0]
        return (first, second), label


sample = {item}
"""

ITEM_CASES = [
    ("TensorDataset(x, y)[0]", True),
    ("TensorDataset(x, y)[-1]", True),
    ("TensorDataset(x)[5]", True),
    ("Rows()[7]", True),
    ("Records()[3]", True),
    ("Subset(Records(), [4, 5, 6])[1]", True),
    ("Subset(Rows(), [4, 5, 6])[1]", True),
    ("random_split(Rows(), [30, 10])[1][5]", True),
    ("random_split(TensorDataset(x, y), [30, 10])[0][2]", True),
    ("Pairs(TensorDataset(x, y))[2]", True),
    ("Pairs(Rows())[2]", True),
    ("next(iter(DataLoader(Pairs(TensorDataset(x, y)), batch_size=4)))", True),
    ("next(iter(DataLoader(Pairs(Rows()), batch_size=4)))", True),
    ("next(enumerate(DataLoader(TensorDataset(x, y), batch_size=4)))[1]", True),
    ("TensorDataset(x, y)[[1, 2]]", False),
    ("TensorDataset(x, y)[torch.tensor([1, 2])]", False),
]
"""Each indexing, and whether the evaluator must know the sample's shapes (a list of indices picks several rows: not
one sample)."""


@pytest.mark.parametrize(("item", "known"), ITEM_CASES, ids=[case[0] for case in ITEM_CASES])
def test_an_indexed_dataset_gives_what_torch_gives(item: str, known: bool) -> None:
    source = ITEM_SOURCE.format(item=item)
    found = evaluate(cst.parse_module(source)).names["sample"]
    namespace: dict[str, object] = {}
    exec(compile(source, "<case>", "exec"), namespace)  # the dataset as torch indexes it
    compare(leaves(found), torch_leaves(namespace["sample"]), known, item, batch=4)
