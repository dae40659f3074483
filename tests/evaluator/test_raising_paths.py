"""Paths that raise: a failed ``assert``, a helper that raises on every path, the handler that catches it, against
Python in every world the unknowns allow.

The conditions on ``A`` and ``B`` come from the environment, which the evaluator cannot know; every name it
decides must have that value whatever they are.  Names it leaves unknown are allowed.
"""

from __future__ import annotations

import pytest

from tests.evaluator.worlds import PRELUDE, assert_decided_in_every_world, decided

PROGRAMS = {
    "helper-asserts": """
def width_of(shape):
    assert len(shape) > 1, "the first dimension is the batch"
    return shape[1]

n = -1
try:
    n = width_of((3,))
except AssertionError:
    n = 0
wide = width_of((4, 5))
""",
    "raises-on-every-path": """
def pick(flag):
    if flag:
        raise ValueError("a")
    raise KeyError("b")

r = 1
try:
    r = pick(a)
except (ValueError, KeyError) as error:
    r = 2
    caught = error is not None
""",
    "raises-or-returns": """
def maybe(flag):
    if flag:
        return 5
    raise ValueError

v = 0
try:
    v = maybe(a)
except ValueError:
    v = -1
""",
    "assigned-before-the-raise": """
def fail():
    raise RuntimeError

x = 1
try:
    x = 2
    fail()
    x = 3
except RuntimeError:
    seen = x
""",
    "every-branch-raises": """
def fail():
    raise RuntimeError

y = 0
try:
    if a:
        y = 1
        fail()
    else:
        y = 1
        raise RuntimeError
except RuntimeError:
    got = y
""",
    "handler-reraises": """
def fail():
    raise RuntimeError

z = 0
def guarded():
    try:
        fail()
    except RuntimeError:
        raise
    finally:
        global z
        z = 4
    return 1

w = 5
try:
    w = guarded()
except RuntimeError:
    pass
""",
    "choice-of-helpers": """
def good():
    return 3

def bad():
    raise RuntimeError

f = good if a else bad
u = 0
try:
    u = f()
except RuntimeError:
    u = 9
g = bad if b else bad
t = 0
try:
    t = g()
except RuntimeError:
    t = 8
""",
    "else-raises-after-finally": """
r = 0
try:
    try:
        pass
    except ValueError:
        r = 1
    else:
        raise KeyError
    finally:
        f = 2
except KeyError:
    r = 3
""",
}


@pytest.mark.parametrize("name", PROGRAMS)
def test_decided_names_hold_in_every_world(name: str) -> None:
    assert_decided_in_every_world(name, PRELUDE + PROGRAMS[name])


@pytest.mark.parametrize(
    ("name", "key", "value"),
    [
        ("helper-asserts", "n", 0),
        ("helper-asserts", "wide", 5),
        ("raises-on-every-path", "r", 2),
        ("assigned-before-the-raise", "seen", 2),
        ("every-branch-raises", "got", 1),
        ("handler-reraises", "w", 5),
        ("choice-of-helpers", "t", 8),
        ("else-raises-after-finally", "r", 3),
        ("else-raises-after-finally", "f", 2),
    ],
)
def test_what_a_certain_raise_decides_is_known(name: str, key: str, value: object) -> None:
    assert decided(PRELUDE + PROGRAMS[name]).get(key) == value
