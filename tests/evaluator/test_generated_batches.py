"""A data loader passed through a generator of the project (a progress or logging wrapper that yields each batch),
against the batches torch gives through the same generator.

The evaluator runs the generator's body once on the loader; what a loop over the generator binds must be the
batch torch gives, or unknown (a generator whose ``yield``s give different things, or one it did not see run).
"""

from __future__ import annotations

import libcst as cst
import pytest

torch = pytest.importorskip("torch", reason="the batches come from torch's DataLoader")

from shapelint.evaluator import evaluate  # noqa: E402
from tests.evaluator.batches import compare, leaves, torch_leaves  # noqa: E402

SOURCE = """\
import torch
from torch.utils.data import DataLoader, TensorDataset

loader = DataLoader(TensorDataset(torch.randn(12, 3, 8, 8), torch.randint(0, 5, (12,))), batch_size=4)


def wrapped(iterable, every=2):
{body}


def relay(batches):
    for each in batches:
        yield each


for batch in {loop}:
    pass
"""

CASES = [
    ("    for i, item in enumerate(iterable):\n        if i % every == 0:\n            print(i)\n        yield item", True),
    ("    for x, y in iterable:\n        yield x.to('cpu'), y", True),
    ("    for x, y in iterable:\n        yield x.flatten(1), y.float()", True),
    ("    for step, (x, y) in enumerate(iterable):\n        yield {'image': x, 'label': y, 'step': step}", True),
    ("    yield from iterable", True),
    ("    print('start')\n    for x, _ in iterable:\n        yield x\n    print('done')", True),
    ("    for x, y in iterable:\n        yield x\n        yield x[:, 0]", False),
    ("    for x, y in iterable:\n        if every > 5:\n            yield y\n        yield x", False),
    ("    for x, y in iterable:\n        yield x\n    yield torch.zeros(2)", False),
]
"""Each generator's body, and whether the evaluator must know the batch it yields."""

LOOPS = ["wrapped(loader)", "relay(wrapped(loader))", "iter(wrapped(loader))", "enumerate(wrapped(loader))"]


@pytest.mark.parametrize("loop", LOOPS)
@pytest.mark.parametrize(("body", "known"), CASES, ids=[str(index) for index in range(len(CASES))])
def test_a_generated_batch_is_what_torch_yields(body: str, known: bool, loop: str) -> None:
    source = SOURCE.format(body=body, loop=loop)
    found = evaluate(cst.parse_module(source)).names["batch"]
    namespace: dict[str, object] = {}
    exec(compile(source, "<case>", "exec", dont_inherit=True), namespace)  # the loader as torch iterates it
    compare(leaves(found), torch_leaves(namespace["batch"]), known, body, batch=4)
