"""``str.format`` on known text and plain arguments gives what Python gives (layer names of an ``OrderedDict``:
``"stage{}_{}".format(i, j)``); a width of thousands of characters, or one taken from an argument, is not
evaluated."""

from __future__ import annotations

import libcst as cst
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.dims import UNKNOWN
from shapelint.evaluator import evaluate
from tests.budget import examples

_TEMPLATES = ["conv{}", "stage{}_{}", "{0}-{1}-{0}", "{a}.{b}", "{:>4}", "{:03d}", "{!r}", "{0.real}", "{}{}{}"]
_VALUES = st.one_of(st.integers(-5, 50), st.sampled_from(["x", "layer", ""]), st.floats(0, 2, allow_nan=False))


@pytest.mark.sampled
@settings(max_examples=examples(200))
@given(template=st.sampled_from(_TEMPLATES), args=st.lists(_VALUES, max_size=3), a=_VALUES, b=_VALUES)
def test_format_gives_what_python_gives(template: str, args: list[object], a: object, b: object) -> None:
    call = f"{template!r}.format(*{args!r}, a={a!r}, b={b!r})"
    try:
        expected: object = eval(call)
    except (IndexError, KeyError, ValueError, AttributeError):
        expected = UNKNOWN
    assert evaluate(cst.parse_module(f"r = {call}\n")).names["r"] == expected


@pytest.mark.parametrize("template", ["{:>99999}", "{:{}}", "{:.5000f}"])
def test_formats_that_may_be_huge_are_not_evaluated(template: str) -> None:
    assert evaluate(cst.parse_module(f"r = {template!r}.format(1, 2)\n")).names["r"] is UNKNOWN
