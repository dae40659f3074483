"""Configurations copied with changes: ``{**BASE, **overrides}`` and ``dataclasses.replace(cfg, in_dim=12)`` (whose
``__post_init__`` runs again).  Each value is checked against Python's; before, both were unknown, so a model sized
from them was not checked."""

from __future__ import annotations

import libcst as cst
import pytest

from shapelint.evaluator import evaluate
from shapelint.evaluator.values import Instance

PROGRAMS = [
    "BASE = {'in_dim': 32, 'hidden': 8}\nr = {**BASE, **{'in_dim': 12}}['in_dim']\n",
    "BASE = {'in_dim': 32, 'hidden': 8}\nr = {'in_dim': 5, **BASE}['in_dim']\n",
    "BASE = {'in_dim': 32}\nr = {**BASE, 'hidden': 3}['hidden']\n",
    """\
import dataclasses
from dataclasses import dataclass


@dataclass
class Cfg:
    in_dim: int = 32
    hidden: int = 0

    def __post_init__(self):
        self.hidden = self.in_dim * 2


r = dataclasses.replace(Cfg(), in_dim=12).hidden
""",
    """\
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Cfg:
    in_dim: int = 32
    layers: int = 2


base = Cfg(layers=4)
r = replace(base, in_dim=7).layers + replace(base, in_dim=7).in_dim
""",
]


@pytest.mark.parametrize("source", PROGRAMS)
def test_copies_with_changes_give_python_values(source: str) -> None:
    real: dict[str, object] = {}
    exec(compile(source, "<program>", "exec", dont_inherit=True), real)
    ours = evaluate(cst.parse_module(source)).names["r"]
    assert ours == real["r"], source


def test_replace_of_something_not_a_record_is_unknown() -> None:
    source = "import dataclasses\nr = dataclasses.replace(unknown_thing, in_dim=12)\n"
    assert not isinstance(evaluate(cst.parse_module(source)).names["r"], Instance)
