"""numpy's Generator API (``rng = np.random.default_rng(seed)``, ``rng.integers``, ``rng.normal``, ``rng.choice``…)
and the legacy draws it shares a rule with, against numpy on drawn parameters, sizes and dtypes: where numpy
draws, ours is of its shape and kind or unknown; where numpy refuses, ours is unknown."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.dims import UNKNOWN
from shapelint.evaluator.values import Array
from tests.budget import examples
from tests.evaluator.numpy_truth import agrees, run

pytest.importorskip("numpy", reason="the rules are compared with numpy, which this run has not installed")
pytestmark = pytest.mark.sampled

_size = st.integers(-1, 4) | st.lists(st.integers(0, 4), max_size=3).map(tuple)
_parameter = st.sampled_from(["0", "1", "2", "-1", "5", "0.5", "-2.5", "np.pi", "np.inf"])
_DTYPES = ["np.float32", "np.float64", "np.int32", "np.int64", "np.uint8", "bool", "float"]
_CALLS = [
    "integers({a}, {b}, {size})", "integers({a}, size={size})", "integers({a}, {b}, {size}, dtype={dtype})",
    "integers({a}, {b}, {size}, endpoint=True)", "normal({a}, {b}, {size})", "normal(size={size})",
    "normal({a}, size={size})", "uniform({a}, {b}, {size})", "uniform(size={size})", "random({size})",
    "random({size}, {dtype})", "random(size={size}, dtype={dtype})", "standard_normal({size})",
    "standard_normal({size}, dtype={dtype})", "choice({a}, {size})", "choice({a}, {size}, replace=False)",
    "choice(np.arange({a}) * 0.5, size={size})", "choice({a}, {size}, p=None)", "choice({a})",
    "permutation({a})", "permutation(np.zeros(({a}, 3)))", "random()", "integers({a}, {b})",
]  # fmt: skip
_LEGACY = [
    "rand({a}, 3)", "randn(2, {a})", "randint({a}, {b}, {size})", "normal({a}, {b}, {size})", "uniform({a}, {b}, {size})", "random({size})",
    "standard_normal({size})", "choice({a}, {size})", "choice({a}, {size}, replace=False)", "permutation({a})",
    "rand()", "randn()",
]  # fmt: skip


@settings(max_examples=examples(1000), deadline=None)
@given(
    call=st.sampled_from(_CALLS),
    a=_parameter,
    b=_parameter,
    size=_size,
    dtype=st.sampled_from(_DTYPES),
    seeded=st.booleans(),
)
def test_generator_draws_are_numpys(call: str, a: str, b: str, size: object, dtype: str, seeded: bool) -> None:
    drawn = call.format(a=a, b=b, size=size, dtype=dtype)
    ours, real = run(f"rng = np.random.default_rng({'42' if seeded else ''})\ny = rng.{drawn}\n")
    _compare(drawn, ours, real)


@settings(max_examples=examples(400), deadline=None)
@given(call=st.sampled_from(_LEGACY), a=_parameter, b=_parameter, size=_size, state=st.booleans())
def test_legacy_draws_are_numpys(call: str, a: str, b: str, size: object, state: bool) -> None:
    """``np.random.name(...)``, or the same method of a ``np.random.RandomState(seed)``."""
    drawn = call.format(a=a, b=b, size=size)
    source = f"rng = np.random.RandomState(0)\ny = rng.{drawn}\n" if state else f"y = np.random.{drawn}\n"
    ours, real = run(source)
    _compare(drawn, ours, real)


def _compare(drawn: str, ours: object, real: object) -> None:
    if isinstance(real, Exception):
        assert ours is UNKNOWN, (drawn, real)
        return
    assert agrees(ours, real), (drawn, ours, real)


@pytest.mark.parametrize(
    ("drawn", "dims", "kind"),
    [
        ("integers(0, 2, 1000)", (1000,), "int"),
        ("normal(0, 1, size=(8, 3))", (8, 3), "float"),
        ("random((5, 2))", (5, 2), "float"),
        ("standard_normal((4, 6))", (4, 6), "float"),
        ("uniform(0, np.pi, 100)", (100,), "float"),
        ("choice(10, 4, replace=False)", (4,), "int"),
        ("permutation(7)", (7,), "int"),
    ],
)
def test_the_tutorials_draws_are_known(drawn: str, dims: tuple[int, ...], kind: str) -> None:
    ours, real = run(f"rng = np.random.default_rng(42)\ny = rng.{drawn}\n")
    assert isinstance(ours, Array) and ours.shape.dims == dims and ours.shape.dtype == kind and agrees(ours, real)
