"""In-place list methods as the evaluator follows them, against Python on the same code.

A decided value must be Python's; a call Python refuses (a huge index, a missing item) leaves the list unknown
and never stops the lint.
"""

from __future__ import annotations

import libcst as cst
import pytest

from shapelint.dims import UNKNOWN
from shapelint.evaluator import evaluate
from shapelint.lint import lint_source

PROGRAMS = [
    "items = [1, 2, 3]\nitems.reverse()\nfirst = items[0]\n",
    "items = [1, 2, 3]\nlast = items.pop()\nrest = len(items)\n",
    "items = [1, 2, 3]\nhead = items.pop(0)\nnow = items[0]\n",
    "items = [1, 2, 3]\nitems.remove(2)\nsecond = items[1]\n",
    "items = [1, 2, 3]\nitems.insert(1, 9)\nsecond = items[1]\n",
    "items = [1, 2, 3]\nitems.clear()\nsize = len(items)\n",
]
REFUSED = [
    "items = [1]\nitems.insert(9223372036854775808, 2)\n",
    "items = [1]\nitems.pop(9223372036854775808)\n",
    "items = [1]\nitems.remove(5)\n",
    "items = []\nitems.pop()\n",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_decided_values_are_pythons(program: str) -> None:
    names = evaluate(cst.parse_module(program)).names
    namespace: dict[str, object] = {}
    exec(compile(program, "<case>", "exec"), namespace)
    decided = {key: value for key, value in names.items() if isinstance(value, int) and key != "__name__"}
    assert decided
    assert all(namespace[key] == value for key, value in decided.items())


@pytest.mark.parametrize("program", REFUSED)
def test_a_call_python_refuses_leaves_the_list_unknown(program: str) -> None:
    source = "import torch.nn as nn\n" + program.replace("items = [1]", "items = [nn.ReLU()]")
    assert lint_source(source) == []
    names = evaluate(cst.parse_module(program)).names
    assert _known_items(names["items"]) is UNKNOWN


def _known_items(value: object) -> object:
    """A ListValue's items, or UNKNOWN once it is unknowable."""
    items = getattr(value, "items", UNKNOWN)
    return UNKNOWN if items is None else items


def test_adding_an_empty_list_adds_nothing() -> None:
    """``layers += [block for _ in range(depth - 1)]`` with ``depth`` 1 adds no layer: it was read as adding an unknown
    one, and the stage's output went unchecked (found by a hunt through multi-file projects)."""
    torch = pytest.importorskip("torch", reason="the program runs under torch, which this run has not installed")
    source = """\
import torch
import torch.nn as nn


def make_stage(cin, cout, depth):
    layers = [nn.Linear(cin, cout)]
    layers += [nn.Linear(cout, cout) for _ in range(depth - 1)]
    return nn.Sequential(*layers)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.stage = make_stage(8, 16, depth=1)
        self.head = nn.Linear(32, 4)

    def forward(self, x):
        return self.head(self.stage(x))


Net()(torch.randn(2, 8))
"""
    with pytest.raises(RuntimeError), torch.no_grad():
        exec(compile(source, "<program>", "exec", dont_inherit=True), {})
    assert [(d.line, d.code) for d in lint_source(source)] == [(15, "SHP001")]
