"""Long loops and comprehensions, against Python on the same code.

A loop over many items is unrolled until it has spent a bounded number of steps, then its remaining steps run as a
loop of unknown length; a comprehension whose element ignores its loop's names and is plain data is evaluated once.
Whatever the evaluator decides must be Python's value, and a count kept by a loop cut short is unknown, never the
count of the part that ran.
"""

from __future__ import annotations

import libcst as cst
import pytest

from shapelint.evaluator import evaluate

PROGRAMS = [
    "rows = [i * 2 for i in range(1000)]\nlast = rows[-1]\ncount = len(rows)\n",
    "rows = [(1, 'a') for _ in range(500)]\ncount = len(rows)\nfirst = rows[0][0]\n",
    "import torch\nrows = [torch.zeros(2, i + 1) for i in range(100)]\nwidth = rows[99].shape[1]\n",
    "import torch\nrows = [(torch.rand(20), torch.rand(1)) for _ in range(2048)]\nwidth = rows[2047][0].shape[0]\n",
    "import torch\nrows = [torch.rand(3) for _ in range(100)]\ndistinct = len({id(row) for row in rows})\n",
    "total = 0\nfor i in range(1000):\n    total += i\n",
    "count = 0\nfor epoch in range(500):\n    rows = [j for j in range(100)]\n    count += len(rows)\n",
    "x = 0\nfor epoch in range(20):\n    y = 3\n    if epoch == 19:\n        x = 7\nlast = epoch\n",
    "rows = []\nfor i in range(20):\n    size = 4\n    rows.append(size)\ncount = len(rows)\n",
    "class Box:\n    pass\nbox = Box()\nbox.n = 0\nfor i in range(20):\n    box.n = box.n + 1\nn = box.n\n",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_decided_values_are_pythons(program: str) -> None:
    pytest.importorskip("torch", reason="the programs that make tensors run under torch")
    names = evaluate(cst.parse_module(program)).names
    namespace: dict[str, object] = {}
    exec(compile(program, "<case>", "exec"), namespace)
    decided = {key: value for key, value in names.items() if isinstance(value, int) and key != "__name__"}
    assert all(namespace[key] == value for key, value in decided.items()), decided


def test_short_and_cheap_loops_stay_exact() -> None:
    names = evaluate(cst.parse_module(PROGRAMS[0] + PROGRAMS[5])).names
    assert (names["last"], names["count"], names["total"]) == (1998, 1000, 499500)


def test_a_loop_that_changes_things_in_place_is_never_cut_short() -> None:
    names = evaluate(cst.parse_module(PROGRAMS[8] + PROGRAMS[9])).names
    assert (names["count"], names["n"]) == (20, 20)


def test_a_long_costly_loop_leaves_its_count_unknown() -> None:
    assert not isinstance(evaluate(cst.parse_module(PROGRAMS[6])).names["count"], int)
