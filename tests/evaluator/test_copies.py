"""``copy.copy`` and ``copy.deepcopy``: a change made to the copy never shows in the original, and a shallow copy
shares what it holds, against Python."""

from __future__ import annotations

from tests.evaluator.worlds import PRELUDE, assert_decided_in_every_world, decided

PROGRAM = """
import copy
from dataclasses import dataclass


@dataclass
class _Base:
    width: int
    depth: int


class Config(_Base):
    def __init__(self, width, depth, scale=2):
        super().__init__(width * scale, depth)


base = Config(4, 2)
other = copy.copy(base)
other.width = 16
w = base.width
v = other.width
d = other.depth

items = [1, 2]
more = copy.copy(items)
more.append(3)
n = len(items)

nested = [[1]]
deep = copy.deepcopy(nested)
deep[0].append(2)
m = len(nested[0])
shallow = copy.copy(nested)
shallow[0].append(5)
k = len(nested[0])

table = {"a": [1]}
table_copy = copy.deepcopy(table)
table_copy["a"].append(2)
t = len(table["a"])
same = copy.deepcopy(a) == a
"""


def test_decided_names_hold_in_every_world() -> None:
    assert_decided_in_every_world("copies", PRELUDE + PROGRAM)


def test_copies_are_known_and_apart_from_their_originals() -> None:
    names = decided(PRELUDE + PROGRAM)
    assert {key: names.get(key) for key in ("w", "v", "d", "n", "m", "k", "t")} == {
        "w": 8, "v": 16, "d": 2, "n": 2, "m": 1, "k": 2, "t": 1
    }
