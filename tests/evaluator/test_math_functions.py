"""``math`` functions on known numbers give what Python gives, and unknown where Python raises: a super-resolution
net's ``range(int(math.log(upscale, 2)))`` counts its upsampling blocks with them."""

from __future__ import annotations

import math

import libcst as cst
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.dims import UNKNOWN
from shapelint.evaluator import evaluate
from tests.budget import examples

pytestmark = pytest.mark.sampled
_NUMBERS = st.integers(-(2**70), 2**70) | st.floats(allow_nan=False, allow_infinity=False) | st.booleans()
_CALLS = ["floor({a})", "ceil({a})", "sqrt({a})", "log2({a})", "log({a})", "log({a}, {b})", "log10({a})"]


@settings(max_examples=examples(400))
@given(call=st.sampled_from(_CALLS), a=_NUMBERS, b=_NUMBERS)
def test_math_on_numbers_is_pythons(call: str, a: float, b: float) -> None:
    expression = call.format(a=repr(a), b=repr(b))
    names = evaluate(cst.parse_module(f"import math\nx = math.{expression}\n")).names
    try:
        real = eval(f"math.{expression}", {"math": math})
    except (ValueError, ArithmeticError):
        assert names["x"] is UNKNOWN
        return
    assert names["x"] == real and type(names["x"]) is type(real)


def test_upsampling_blocks_counted_with_a_logarithm() -> None:
    source = (
        "import math\nblocks = []\nupscale = 8\n"
        "for _ in range(int(math.log(upscale, 2))):\n    blocks.append(upscale)\n"
    )
    real: dict[str, object] = {}
    exec(source, real)
    ours = evaluate(cst.parse_module(source)).names["blocks"]
    assert ours.items == real["blocks"]  # type: ignore[attr-defined]
