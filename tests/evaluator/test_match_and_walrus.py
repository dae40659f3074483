"""``match`` statements, the walrus operator and ``x.ndimension()``, against Python in every world the unknowns
allow: a case whose pattern cannot match the subject never runs (``case (b, d):`` on a 3-D shape), one that
certainly matches runs with its captures bound, and an undecided one may run or not."""

from __future__ import annotations

import pytest

from tests.evaluator.worlds import PRELUDE, assert_decided_in_every_world, decided

PROGRAMS = {
    "sequence-lengths": """
shape = (2, 5, 5)
r = 0
match shape:
    case (b, d):
        r = 2
    case (b, c, d):
        r = 3
        width = c * d
""",
    "star-and-values": """
shape = (8, 3, 32, 32)
kind = 0
match shape:
    case (n, 1, *rest):
        kind = 1
    case (n, 3, *rest):
        kind = 3
        spatial = len(rest)
    case _:
        kind = -1
""",
    "undecided-subject": """
size = 3 if a else 4
r = 0
match (size, 7):
    case (3, x):
        r = x
    case (4, x):
        r = x + 1
seven = 7
""",
    "guard": """
shape = (2, 16)
r = 0
match shape:
    case (b, d) if d % 4 == 0:
        r = d // 4
    case (b, d):
        r = -1
""",
    "or-and-no-match": """
code = 6
r = 0
match code:
    case 1 | 2:
        r = 1
    case 9:
        r = 9
""",
    "walrus": """
shape = (2, 5, 5)
r = 0
if (n := len(shape)) == 4:
    r = 4
elif n == 3:
    r = 3
twice = (m := n * 2) + m
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_every_decided_name_holds_in_every_world(name: str) -> None:
    assert_decided_in_every_world(name, PRELUDE + PROGRAMS[name])


def test_the_cases_that_decide_are_followed() -> None:
    names = {key: decided(PRELUDE + source) for key, source in PROGRAMS.items()}
    assert names["sequence-lengths"]["r"] == 3 and names["sequence-lengths"]["width"] == 25
    assert names["star-and-values"]["kind"] == 3 and names["star-and-values"]["spatial"] == 2
    assert names["guard"]["r"] == 4
    assert names["or-and-no-match"]["r"] == 0
    assert names["walrus"]["r"] == 3 and names["walrus"]["twice"] == 12
    assert "r" not in names["undecided-subject"] and names["undecided-subject"]["seven"] == 7


_NDIMENSION = """
import torch
import torch.nn as nn


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(7, 1)
        self.conv = nn.Conv2d(1, 4, 3)

    def forward(self, x):
        if x.ndimension() == 2:
            x = self.fc(x)
        if (n := x.dim()) == 4:
            x = self.conv(x)
        match x.shape:
            case (b, d):
                x = self.fc(x)
        return x


Head()(torch.randn(2, 7, 10))
"""


def test_rank_tests_keep_layers_from_inputs_they_never_get() -> None:
    pytest.importorskip("torch", reason="torch runs the model, which this run has not installed")
    from shapelint.lint import lint_source

    namespace: dict[str, object] = {}
    exec(_NDIMENSION, namespace)  # torch runs it: no branch that would fail is taken
    assert lint_source(_NDIMENSION) == []


_UNCAUGHT = """
import torch
import torch.nn as nn

labels = {}
fc = nn.Linear(784, 10)
try:
    name = labels[3]
    out = fc(torch.randn(2, 1, 28, 28))
except KeyError:
    out = None
out = fc(torch.randn(2, 1, 28, 28)) if out is None else out
"""


def test_a_handler_for_other_exceptions_lets_the_rejected_step_stand() -> None:
    """``except KeyError`` catches the lookup, not torch's RuntimeError: the Linear after it is still checked."""
    pytest.importorskip("torch", reason="torch runs the model, which this run has not installed")
    from shapelint.lint import lint_source

    with pytest.raises(RuntimeError):
        exec(_UNCAUGHT, {})
    assert [d.code for d in lint_source(_UNCAUGHT)] == ["SHP001"]
