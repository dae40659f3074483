"""numpy reductions keep the shapes numpy gives (``X.min()``, ``X.mean(axis=0)``, ``np.std(X, 0)``), so the
normalisations written by hand leave the data known; each is compared with numpy on drawn arrays and arguments."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.dims import UNKNOWN
from shapelint.evaluator.values import Array
from tests.budget import examples
from tests.evaluator.numpy_truth import NARROW, agrees, array, run

np = pytest.importorskip("numpy", reason="the rules are compared with numpy, which this run has not installed")
pytestmark = pytest.mark.sampled

_NAMES = ["min", "max", "sum", "prod", "mean", "std", "var", "argmin", "argmax", "amin", "amax", "median"]
_FUNCTIONS_ONLY = frozenset({"amin", "amax", "median"})
_axis = (
    st.none() | st.integers(-4, 3) | st.tuples(st.integers(-3, 2)) | st.tuples(st.integers(-3, 2), st.integers(-3, 2))
)
_extra = st.sampled_from(["", "keepdims=True", "keepdims=False", "ddof=1", "out=None", "keepdims=1"])


@settings(max_examples=examples(600), deadline=None)
@given(
    name=st.sampled_from(_NAMES),
    kind=st.sampled_from(["float", "int", "str", *NARROW]),
    shape=st.lists(st.integers(0, 4), min_size=1, max_size=3).map(tuple),
    axis=_axis,
    positional=st.booleans(),
    extra=_extra,
    as_function=st.booleans(),
)
def test_reductions_are_numpys(
    name: str, kind: str, shape: tuple[int, ...], axis: object, positional: bool, extra: str, as_function: bool
) -> None:
    """Where numpy gives an array or a scalar, ours is of its shape and kind, or unknown; where it raises, ours
    is unknown; the common cases (a known kind, one axis in range, nothing empty) are known."""
    given = [repr(axis) if positional else f"axis={axis!r}", extra] if axis is not None or positional else [extra]
    arguments = ", ".join(part for part in given if part)
    as_function = as_function or name in _FUNCTIONS_ONLY
    call = f"np.{name}(x{', ' if arguments else ''}{arguments})" if as_function else f"x.{name}({arguments})"
    source = f"x = {array(kind, shape)}\ny = {call}\n"
    ours, real = run(source)
    if isinstance(real, Exception):
        assert ours is UNKNOWN, (source, real)
        return
    assert agrees(ours, real), (source, ours, real)
    common = kind in ("float", "int") and not extra and 0 not in shape and (axis is None or isinstance(axis, int))
    if common and (axis is None or -len(shape) <= axis < len(shape)):  # type: ignore[operator]
        assert isinstance(ours, Array), source


@pytest.mark.parametrize(
    "source",
    [
        "d = np.arange(144).reshape(-1, 1)\ny = (d - d.min()) / (d.max() - d.min())\n",
        "X = np.random.rand(20, 3)\ny = (X - X.mean(axis=0)) / X.std(0)\n",
        "X = np.random.randint(0, 255, (8, 4)).astype(np.uint8)\ny = X / X.max()\n",
        "Y = np.random.rand(10, 6)\ny = Y.argmax(1)\n",
    ],
)
def test_normalisations_by_hand_keep_the_data(source: str) -> None:
    ours, real = run(source)
    assert isinstance(ours, Array) and agrees(ours, real), source


@pytest.mark.parametrize("made", ["torch.from_numpy(X.max())", "torch.FloatTensor(Y.max())", "torch.Tensor(Y.sum())"])
def test_a_numpy_scalar_made_a_tensor_is_unknown(made: str) -> None:
    """Ours takes a numpy scalar as an array of no dimensions, but converters do not: ``from_numpy`` refuses it
    and a typed constructor takes an integer one as a size (``torch.FloatTensor(np.int64(4))`` has 4 elements)."""
    pytest.importorskip("torch", reason="the program is also run, and it converts with torch")
    ours, _ = run(f"import torch\nX = np.random.rand(3, 2)\nY = np.random.randint(1, 5, (3, 2))\ny = {made}\n")
    assert ours is UNKNOWN
