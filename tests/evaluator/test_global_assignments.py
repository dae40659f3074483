"""An attribute assigned on a class (``Net.hidden = 20``; a project module's, ``config.HIDDEN = 32``, alike) changes
it for every later reader, as in Python; one assigned on a path that may not run leaves it unknown."""

from __future__ import annotations

import pytest

from tests.evaluator.worlds import PRELUDE, assert_decided_in_every_world, decided

PROGRAMS = {
    "class-attribute": """
class Net:
    hidden = 8

    def width(self):
        return self.hidden * 2

Net.hidden = 20
h = Net.hidden
w = Net().width()
if a:
    Net.hidden = 30
g = Net.hidden
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_every_decided_name_holds_in_every_world(name: str) -> None:
    assert_decided_in_every_world(name, PRELUDE + PROGRAMS[name])


def test_the_assigned_values_are_read() -> None:
    names = decided(PRELUDE + PROGRAMS["class-attribute"])
    assert names["h"] == 20 and names["w"] == 40 and "g" not in names
