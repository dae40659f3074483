"""numpy data preparation keeps the shapes numpy gives: arithmetic and broadcasting, elementwise functions, casts,
reshapes, joins, ``np.arange`` and ``np.linspace``.  Each rule is compared with numpy on drawn arguments; where
ours is known it must be numpy's, and where numpy's length is a matter of rounding ours is unknown."""

from __future__ import annotations

import libcst as cst
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.dims import UNKNOWN
from shapelint.evaluator import evaluate
from shapelint.evaluator.numpy_ranges import arange_length, linspace_length
from shapelint.evaluator.values import Array
from tests.budget import examples
from tests.evaluator.numpy_truth import agrees, array, run

np = pytest.importorskip("numpy", reason="the rules are compared with numpy, which this run has not installed")
pytestmark = pytest.mark.sampled

_shape = st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple)


@settings(max_examples=examples(400), deadline=None)
@given(
    left=_shape,
    right=_shape,
    kinds=st.tuples(st.sampled_from(["float", "int"]), st.sampled_from(["float", "int", "pyint", "pyfloat"])),
    operator=st.sampled_from(["+", "-", "*", "/", "//", "%", "**"]),
    scalar=st.sampled_from([0, 2, -1, 255, 1000, 2.5, 255.0]),
    swapped=st.booleans(),
    in_place=st.booleans(),
)
def test_arithmetic_broadcasts_as_numpy_does(
    left: tuple[int, ...],
    right: tuple[int, ...],
    kinds: tuple[str, str],
    operator: str,
    scalar: object,
    swapped: bool,
    in_place: bool,
) -> None:
    other = repr(scalar) if kinds[1].startswith("py") else array(kinds[1], right)
    if kinds[1] == "pyint" and isinstance(scalar, float):
        other = repr(int(scalar))
    if kinds[1] == "pyfloat":
        other = repr(float(scalar))  # type: ignore[arg-type]
    if in_place:
        source = f"y = {array(kinds[0], left)}\ny {operator}= {other}\n"
    else:
        a, b = (other, "x") if swapped else ("x", other)
        source = f"x = {array(kinds[0], left)}\ny = {a} {operator} {b}\n"
    ours, real = run(source)
    assert agrees(ours, real) or (ours is UNKNOWN), (source, ours, real)
    if isinstance(real, Exception):
        assert ours is UNKNOWN, source
    elif kinds[0] == "float" and operator != "**":
        assert isinstance(ours, Array), source


@settings(max_examples=examples(300), deadline=None)
@given(
    name=st.sampled_from(
        ["sin", "cos", "tanh", "exp", "log1p", "sqrt", "abs", "absolute", "square", "sign", "floor", "round", "clip"]
    ),
    kind=st.sampled_from(["float", "int"]),
    shape=_shape,
)
def test_elementwise_functions_keep_the_shape(name: str, kind: str, shape: tuple[int, ...]) -> None:
    call = "np.clip(x, 0, 1)" if name == "clip" else f"np.{name}(x)"
    ours, real = run(f"x = {array(kind, shape)}\ny = {call}\n")
    assert isinstance(ours, Array) and agrees(ours, real)


_STEPS = [
    "x.astype(np.float32)", "x.astype('int64')", "x.astype(float)", "x.astype(np.uint8)", "x.astype(bool)",
    "x.astype(np.int8) + 300", "x.astype(np.uint8) - 1", "x.astype(np.int32) * 1000", "x.reshape(-1, 1)",
    "x.reshape(-1)", "x.reshape(2, -1)", "x.flatten()", "x.ravel()", "x.T", "x.transpose()", "x.copy()", "-x",
    "np.expand_dims(x, 0)", "np.reshape(x, (-1, 2))", "np.stack([x, x])", "np.stack([x, x], axis=-1)",
    "np.concatenate([x, x], axis=0)", "np.concatenate((x, x.astype(np.float32)))", "np.transpose(x)",
    "np.zeros(x.shape, dtype=np.int64) + x", "np.expand_dims(x, axis=0)", "np.expand_dims(x, axis=-1)",
    "np.expand_dims(x, axis=(0, 1))", "np.reshape(x, newshape=(-1,))", "np.reshape(x, shape=(2, -1))",
    "np.transpose(x, axes=None)",
]  # fmt: skip


@settings(max_examples=examples(300), deadline=None)
@given(
    kind=st.sampled_from(["float", "int"]),
    shape=st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple),
    step=st.sampled_from(_STEPS),
)
def test_casts_reshapes_and_joins_are_numpys(kind: str, shape: tuple[int, ...], step: str) -> None:
    ours, real = run(f"x = {array(kind, shape)}\ny = {step}\n")
    assert agrees(ours, real), (step, ours, real)
    if isinstance(real, Exception):
        assert ours is UNKNOWN


_bound = st.integers(-30, 30) | st.sampled_from([0.1, 0.25, 0.3, 1.3, 2.5, -0.7, 1e-3, 0.5, 7.0, 100.0, 1.0])


@settings(max_examples=examples(1000), deadline=None)
@given(bounds=st.lists(_bound, min_size=1, max_size=3))
def test_arange_lengths_are_numpys_or_unknown(bounds: list[float]) -> None:
    try:
        real = np.arange(*bounds)
    except (ValueError, ZeroDivisionError):
        assert arange_length(*bounds) is None
        return
    ours = arange_length(*bounds)
    assert ours is None or ours == len(real), bounds
    if all(isinstance(bound, int) for bound in bounds):
        assert ours == len(real)


def test_arange_lengths_that_rounding_decides_are_unknown() -> None:
    assert len(np.arange(1, 1.3, 0.1)) == 4  # three steps of 0.1 reach 1.3 only by rounding
    assert arange_length(1, 1.3, 0.1) is None
    assert arange_length(0, 1, 0.1) is None
    assert arange_length(0, 2, 0.25) == len(np.arange(0, 2, 0.25))
    assert arange_length(5.5) == len(np.arange(5.5))
    assert arange_length(0, 10, True) is None


@settings(max_examples=examples(300), deadline=None)
@given(
    start=_bound,
    stop=_bound,
    num=st.none() | st.integers(-2, 60),
    endpoint=st.none() | st.booleans(),
)
def test_linspace_lengths_are_numpys(start: float, stop: float, num: int | None, endpoint: bool | None) -> None:
    kwargs = {key: value for key, value in (("num", num), ("endpoint", endpoint)) if value is not None}
    ours = linspace_length([start, stop], dict(kwargs))
    try:
        real = np.linspace(start, stop, **kwargs)
    except ValueError:
        assert ours is None
        return
    assert ours == len(real)


def test_what_numpy_makes_of_the_names_is_followed_in_a_program() -> None:
    ours, real = run("t = np.linspace(0, 100, 2000)\ny = np.sin(t)[:, None] * 2 + np.arange(3)\n")
    assert ours is UNKNOWN or agrees(ours, real)  # a slice of an array is not followed
    ours, real = run("X = np.random.rand(200, 64, 64, 3) / 255.0\ny = X.astype(np.float32).transpose(0, 3, 1, 2)\n")
    assert isinstance(ours, Array) and agrees(ours, real)
    ours, real = run("a = np.arange(0, 1, 0.1)\ny = np.sin(a)\n")
    assert ours is UNKNOWN and isinstance(real, np.ndarray)


@pytest.mark.parametrize(
    "source",
    [
        "x = np.zeros((2, 6))\nx.resize((3, 4))\ny = x\n",
        "x = np.zeros((2, 6))\nx.shape = (3, 4)\ny = x\n",
        "x = np.zeros((2, 6))\ny = x.dtype\n",
        "x = np.zeros((2, 6))\ny = x.astype(np.uint8) - 1\n",
    ],
)
def test_what_changes_an_array_in_place_or_is_not_followed_is_unknown(source: str) -> None:
    assert evaluate(cst.parse_module(f"import numpy as np\n{source}")).names["y"] is UNKNOWN
