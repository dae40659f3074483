"""The sizes a DataLoader's batches can have, against the batches torch's DataLoader really yields."""

from __future__ import annotations

import contextlib
from typing import Any

import libcst as cst
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.catalog import ShapeError
from shapelint.catalog import tensor_ops as tensor_rules
from shapelint.dims import UNKNOWN, Shape, Symbol
from shapelint.evaluator import data_pipeline, operators
from shapelint.evaluator.values import Origin
from shapelint.lint import lint_source
from tests.budget import examples

pytestmark = pytest.mark.sampled


def _sizes(length: int | None, batch_size: int, drop_last: bool) -> frozenset[int] | None:
    rows = data_pipeline.TensorRows((Shape((2,)),), Origin("TensorDataset"), length)
    loader = data_pipeline.build(LOADER, [rows], {"batch_size": batch_size, "drop_last": drop_last}, None)  # type: ignore[arg-type]
    assert isinstance(loader, data_pipeline.LoaderValue)
    return loader.batch.sizes


LOADER = "torch.utils.data.DataLoader"


@settings(max_examples=examples(300))
@given(length=st.integers(1, 300), batch_size=st.integers(1, 70), drop_last=st.booleans(), known=st.booleans())
def test_every_batch_torch_yields_is_one_of_the_sizes(length: int, batch_size: int, drop_last: bool, known: bool) -> None:
    """Each batch torch yields has one of the sizes; with the length known, the sizes are exactly those yielded."""
    torch = pytest.importorskip("torch", reason="torch is the ground truth for the loader's batches")
    data = torch.utils.data.TensorDataset(torch.zeros(length, 2))
    yielded = {len(batch[0]) for batch in torch.utils.data.DataLoader(data, batch_size=batch_size, drop_last=drop_last)}
    sizes = _sizes(length if known else None, batch_size, drop_last)
    assert sizes is not None
    assert yielded <= sizes
    if known:
        assert yielded == sizes or not yielded


def test_a_torchvision_dataset_split_gives_its_documented_length() -> None:
    """MNIST's training set has 60,000 images: batches of 64 and a last one of 32; its test set, 10,000."""
    def loader(*args: object, **kwargs: object) -> object:
        dataset = data_pipeline.build("torchvision.datasets.MNIST", list(args), dict(kwargs), None)  # type: ignore[arg-type]
        return data_pipeline.build(LOADER, [dataset], {"batch_size": 64}, None)  # type: ignore[arg-type]

    for made, sizes in ((loader("data"), {64, 32}), (loader("data", False), {64, 16}), (loader("data", train=False), {64, 16})):
        assert isinstance(made, data_pipeline.LoaderValue)
        assert made.batch.sizes == frozenset(sizes)


def test_a_subset_or_a_sampler_leaves_only_the_batch_size_known() -> None:
    """A ``Subset`` or ``random_split`` part, or a sampler, draws an unknown number of samples: any batch up to
    ``batch_size``."""
    rows = data_pipeline.TensorRows((Shape((2,)),), Origin("TensorDataset"), 1000)
    part = data_pipeline.build("torch.utils.data.Subset", [rows, [1, 2, 3]], {}, None)  # type: ignore[arg-type]
    for dataset, kwargs in ((part, {}), (rows, {"sampler": object()})):
        loader = data_pipeline.build(LOADER, [dataset], {"batch_size": 8, **kwargs}, None)  # type: ignore[arg-type]
        assert isinstance(loader, data_pipeline.LoaderValue)
        assert loader.batch.sizes == frozenset(range(1, 9))


_OPERATIONS = {
    "broadcast": (lambda a, b: tensor_rules.broadcast(a, b), lambda a, b: a + b),
    "cat": (lambda a, b: tensor_rules.concatenate([a, b], 1), lambda a, b: torch_module().cat([a, b], 1)),
    "matmul": (lambda a, b: tensor_rules.matmul(a, b), lambda a, b: a @ b),
}


def torch_module() -> Any:
    return pytest.importorskip("torch", reason="torch is the ground truth for the shape rules")


@settings(max_examples=examples(400))
@given(
    operation=st.sampled_from(sorted(_OPERATIONS)),
    tail=st.lists(st.integers(1, 4), min_size=1, max_size=2),
    other=st.lists(st.integers(1, 5), min_size=1, max_size=3),
    batches=st.sets(st.integers(1, 5), min_size=1, max_size=3),
)
def test_an_operation_on_a_batch_is_refused_only_when_torch_refuses_every_batch(
    operation: str, tail: list[int], other: list[int], batches: set[int]
) -> None:
    """A loader's batch against a fixed size: refused only where no batch size the loader gives would pass."""
    torch = torch_module()
    ours, theirs = _OPERATIONS[operation]
    sized = Symbol("B", frozenset(batches))
    passing = []
    for batch in sorted(batches):
        try:
            theirs(torch.zeros(batch, *tail), torch.zeros(*other))
            passing.append(batch)
        except RuntimeError:
            pass
    try:
        ours(Shape((sized, *tail)), Shape(tuple(other)))
    except ShapeError:
        assert not passing, (batches, passing)


_SIZE = st.integers(1, 4) | st.just("B")


@settings(max_examples=examples(400))
@given(
    left=st.lists(_SIZE, min_size=0, max_size=3),
    right=st.lists(_SIZE, min_size=0, max_size=3),
    batches=st.sets(st.integers(1, 4), min_size=1, max_size=3),
    equal=st.booleans(),
)
def test_comparing_shapes_with_a_batch_decides_only_what_python_decides_for_every_batch(
    left: list[object], right: list[object], batches: set[int], equal: bool
) -> None:
    """``x.shape == y.shape`` with the loader's batch in them: decided only where Python gives that answer for every
    size the batch can have (a guard that can never hold keeps its body from running)."""
    sized = Symbol("B", frozenset(batches))
    ours = operators.compare(cst.Equal() if equal else cst.NotEqual(), _with(left, sized), _with(right, sized))
    answers = {(_with(left, batch) == _with(right, batch)) == equal for batch in batches}
    if ours is not UNKNOWN:
        assert answers == {ours}


def _with(sizes: list[object], batch: object) -> tuple[object, ...]:
    return tuple(batch if size == "B" else size for size in sizes)


_HEAD = """import sys
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

train = TensorDataset(torch.randn(6432, 1, 28, 28), torch.randint(0, 10, (6432,)))
loader = DataLoader(train, batch_size=64, shuffle=True)
model = nn.Linear(784, 10)
"""
ONLY_FULL_BATCHES = {
    "index_guard": "for i, (images, labels) in enumerate(loader):\n"
    "    if i < len(loader) - 1:\n        model(images.view(64, 784))\n",
    "first_batch_returned": "def first():\n    for images, labels in loader:\n"
    "        return model(images.view(64, 784))\nfirst()\n",
    "first_batch_raises": "try:\n    for images, labels in loader:\n        model(images.view(64, 784))\n"
    "        raise StopIteration\nexcept StopIteration:\n    pass\n",
    "exit_after_one": "for images, labels in loader:\n    model(images.view(64, 784))\n    sys.exit(0)\n",
}


@pytest.mark.parametrize("name", sorted(ONLY_FULL_BATCHES))
def test_a_loop_that_never_reaches_the_last_batch_is_not_run_on_it(name: str) -> None:
    """The loader's 6432 samples end with a batch of 32 that ``view(64, 784)`` refuses; these loops never give it
    to the model (the sweep's probes: a guard on the index, a ``return``, a ``raise``, ``sys.exit``), and torch
    runs them."""
    torch_module()
    source = _HEAD + ONLY_FULL_BATCHES[name]
    with contextlib.suppress(SystemExit):
        exec(compile(source, name, "exec", dont_inherit=True), {"__name__": "__main__"})
    assert lint_source(source) == []


def test_a_loop_over_every_batch_is_run_on_the_last_one() -> None:
    """Without a guard the batch of 32 reaches ``view(64, 784)``, which torch refuses at the end of the epoch."""
    torch_module()
    source = _HEAD + "for images, labels in loader:\n    model(images.view(64, 784))\n"
    with pytest.raises(RuntimeError):
        exec(compile(source, "every_batch", "exec", dont_inherit=True), {"__name__": "__main__"})
    assert [d.code for d in lint_source(source)] == ["SHP006"]


def test_a_dataset_whose_samples_the_code_replaced_has_no_documented_length() -> None:
    """``train.data = train.data[:6400]`` after ``datasets.MNIST(...)``: 100 full batches of 64, no short one."""
    source = (
        "import torch.nn as nn\nfrom torch.utils.data import DataLoader\nfrom torchvision import datasets, transforms\n"
        "train = datasets.MNIST('data', train=True, download=True, transform=transforms.ToTensor())\n"
        "train.data = train.data[:6400]\ntrain.targets = train.targets[:6400]\n"
        "loader = DataLoader(train, batch_size=64, shuffle=True)\nmodel = nn.Linear(784, 10)\n"
        "for images, labels in loader:\n    model(images.view(64, 784))\n"
    )
    assert lint_source(source) == []
