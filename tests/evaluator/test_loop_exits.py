"""``break`` and ``continue`` in loops over known items, against Python in every world the unknowns allow.

The conditions on ``A`` and ``B`` come from the environment, which the evaluator cannot know; every name it
decides must have that value whatever they are.  Names it leaves unknown are allowed.
"""

from __future__ import annotations

import libcst as cst
import pytest

from shapelint.evaluator import evaluate
from tests.evaluator.worlds import PRELUDE, assert_decided_in_every_world

PROGRAMS = {
    "continue-known": """
total = 0
for v in [1, 2, 3, 4]:
    if v % 2 == 0:
        continue
    total += v
""",
    "break-known-with-else": """
found = -1
for i, v in enumerate([5, 7, 9]):
    if v == 7:
        found = i
        break
else:
    found = 99
missing = -1
for v in [1, 2]:
    if v == 3:
        break
else:
    missing = 0
""",
    "continue-unknown": """
count = 0
last = None
widths = []
for v in [1, 2, 3]:
    if a and v == 2:
        continue
    count += 1
    last = v
    widths.append(v)
n = len(widths)
after = 7
""",
    "break-unknown": """
steps = 0
for v in range(5):
    if b:
        break
    steps += 1
else:
    steps = 100
done = True
""",
    "nested": """
pairs = 0
outer_last = None
for i in range(3):
    for j in range(3):
        if j > i:
            break
        pairs += 1
    if a:
        continue
    outer_last = i
""",
    "while-break-unknown": """
w = 0
while w < 3:
    if b:
        break
    w += 1
else:
    w = 50
""",
    "nested-known": """
pairs = 0
for i in range(3):
    for j in range(3):
        if j > i:
            break
        pairs += 1
""",
    "exit-in-both-branches": """
kept = []
for v in [1, 2, 3]:
    if a:
        continue
    else:
        break
tail = len(kept)
""",
    "exit-under-known-then-unknown": """
seen = 0
for v in [1, 2, 3, 4]:
    if v > 1:
        if b:
            break
    seen += v
""",
}


@pytest.mark.parametrize("name", PROGRAMS)
def test_decided_names_hold_in_every_world(name: str) -> None:
    assert_decided_in_every_world(name, PRELUDE + PROGRAMS[name])


@pytest.mark.parametrize(
    ("name", "key", "value"),
    [
        ("continue-known", "total", 4),
        ("break-known-with-else", "found", 1),
        ("break-known-with-else", "missing", 0),
        ("continue-unknown", "after", 7),
        ("nested-known", "pairs", 6),
        ("break-unknown", "done", True),
    ],
)
def test_what_a_known_condition_decides_is_known(name: str, key: str, value: object) -> None:
    names = evaluate(cst.parse_module(PRELUDE + PROGRAMS[name])).names
    assert names[key] == value
