"""Properties, ``enum.Enum`` members, ``type(x)`` and classes compared with ``==``, against Python in every world the unknowns allow."""

from __future__ import annotations

from tests.evaluator.worlds import PRELUDE, assert_decided_in_every_world, decided

PROGRAM = """
from enum import Enum


class Sizes(Enum):
    SMALL = 16
    LARGE = 64
    DEFAULT = SMALL


class Block:
    def __init__(self, width):
        self.width = width

    @property
    def doubled(self):
        return self.width * 2


class Wider(Block):
    pass


width = Block(8).doubled
same_class = Block == Block
other_class = Block == Wider
differ = Wider != Block
picked = (Wider if a else Block) == Wider
member = Sizes.DEFAULT
alias = member is Sizes.SMALL
small = Sizes.SMALL.value
named = Sizes["LARGE"].value
is_member = isinstance(Sizes.LARGE, Sizes)
text = type("abc") is str
number = type(3) is str
chosen = (Sizes.SMALL if a else Sizes.LARGE).value
name = Sizes.__name__ == "Sizes"
"""


def test_decided_names_hold_in_every_world() -> None:
    assert_decided_in_every_world("enums", PRELUDE + PROGRAM)


def test_members_properties_and_types_are_known() -> None:
    names = decided(PRELUDE + PROGRAM)
    expected = {"width": 16, "alias": True, "small": 16, "named": 64, "is_member": True, "text": True, "number": False}
    expected |= {"same_class": True, "other_class": False, "differ": True, "picked": None}
    assert {key: names.get(key) for key in expected} == expected
