"""``del`` statements: an item or slice of a list, dict, Sequential or ModuleList, an attribute, a name.  They were
ignored, so the deleted layers stayed in the chain (a backbone trimmed with ``del self.features[-2:]`` gave a false,
fixable finding).  Values are checked against Python's, models against torch."""

from __future__ import annotations

import libcst as cst
import pytest

from shapelint.evaluator import evaluate
from shapelint.lint import lint_source

PROGRAMS = [
    "items = [1, 2, 3, 4]\ndel items[-1]\nr = items\n",
    "items = [1, 2, 3, 4, 5]\ndel items[1:3]\nr = items\n",
    "items = [1, 2, 3, 4, 5]\ndel items[::2]\nr = items\n",
    "cfg = {'a': 1, 'b': 2}\ndel cfg['a']\nr = cfg\n",
    "a, b = 1, 2\nitems = [a, b, 3]\ndel items[0], items[0]\nr = items\n",
]


@pytest.mark.parametrize("source", PROGRAMS)
def test_deletions_give_python_values(source: str) -> None:
    real: dict[str, object] = {}
    exec(compile(source, "<program>", "exec", dont_inherit=True), real)
    ours = evaluate(cst.parse_module(source)).names["r"]
    assert getattr(ours, "items", ours) == real["r"], source


_TRIMMED = """\
import torch
import torch.nn as nn


class Backbone(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 16, 3), nn.ReLU(), nn.Conv2d(16, 32, 3), nn.ReLU())
        del self.features[-2:]
        self.head = nn.Conv2d(16, 4, 1)
        blocks = nn.ModuleList([nn.Linear(4, 8), nn.Linear(8, 16), nn.Linear(8, 2)])
        del blocks[1]
        self.blocks = blocks

    def forward(self, x):
        x = self.head(self.features(x)).mean((2, 3))
        for block in self.blocks:
            x = block(x)
        return x


Backbone()(torch.randn(1, 3, 10, 10))
"""


def test_deleted_layers_leave_the_chain() -> None:
    torch = pytest.importorskip("torch", reason="the model runs under torch, which this run has not installed")
    with torch.no_grad():
        exec(compile(_TRIMMED, "<program>", "exec", dont_inherit=True), {})
    assert lint_source(_TRIMMED) == []
    buggy = _TRIMMED.replace("self.head = nn.Conv2d(16, 4, 1)", "self.head = nn.Conv2d(32, 4, 1)")
    with pytest.raises(RuntimeError), torch.no_grad():
        exec(compile(buggy, "<program>", "exec", dont_inherit=True), {})
    assert [d.code for d in lint_source(buggy)] == ["SHP002"]
