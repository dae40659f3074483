"""Arithmetic on arrays of the element types the evaluator names no kind for (``uint8``, bools, narrow ints): a
float operand or true division makes floats of them (``X.astype(np.uint8) / 255.``), anything else is unknown.
Compared with numpy on drawn arrays, operators and operands."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.dims import UNKNOWN
from shapelint.evaluator.values import Array
from tests.budget import examples
from tests.evaluator.numpy_truth import NARROW, agrees, array, run

pytest.importorskip("numpy", reason="the rules are compared with numpy, which this run has not installed")
pytestmark = pytest.mark.sampled

_shape = st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple)
_KINDS = ["float", "int", "str", *NARROW]
_FLOATS = ["255.", "0.5", "-1.5", "1e300"]
_SCALARS = [*_FLOATS, "2", "0", "-1", "127", "128", "300", "True"]


@settings(max_examples=examples(800), deadline=None)
@given(
    left=_shape,
    right=_shape,
    kinds=st.tuples(st.sampled_from(NARROW + ["str"]), st.sampled_from([*_KINDS, "scalar"])),
    scalar=st.sampled_from(_SCALARS),
    operator=st.sampled_from(["+", "-", "*", "/", "//", "%", "**"]),
    swapped=st.booleans(),
    in_place=st.booleans(),
    via=st.sampled_from(["astype", "zeros"]),
)
def test_arithmetic_on_unnamed_kinds_is_numpys(
    left: tuple[int, ...],
    right: tuple[int, ...],
    kinds: tuple[str, str],
    scalar: str,
    operator: str,
    swapped: bool,
    in_place: bool,
    via: str,
) -> None:
    made = f"np.zeros({left}, dtype=np.{kinds[0]})" if via == "zeros" and kinds[0] != "str" else array(kinds[0], left)
    other = scalar if kinds[1] == "scalar" else array(kinds[1], right)
    if in_place:
        source = f"y = {made}\ny {operator}= {other}\n"
    else:
        a, b = (other, "x") if swapped else ("x", other)
        source = f"x = {made}\ny = {a} {operator} {b}\n"
    ours, real = run(source)
    if isinstance(real, Exception):
        assert ours is UNKNOWN, (source, real)
        return
    assert agrees(ours, real), (source, ours, real)
    floats = kinds[1] == "float" or (kinds[1] == "scalar" and scalar in _FLOATS)
    if (
        kinds[0] != "str"
        and kinds[1] != "str"
        and not in_place
        and (floats or (operator == "/" and kinds[1] != "scalar"))
    ):
        assert isinstance(ours, Array) and ours.shape.dtype == "float", source


@pytest.mark.parametrize("kind", NARROW)
def test_images_of_bytes_scaled_to_one_are_float_arrays(kind: str) -> None:
    ours, real = run(
        f"X = np.random.randint(0, 2, (4, 8, 8, 3)).astype(np.{kind}) / 255.\ny = X.transpose(0, 3, 1, 2)\n"
    )
    assert isinstance(ours, Array) and ours.shape.dtype == "float" and agrees(ours, real)
