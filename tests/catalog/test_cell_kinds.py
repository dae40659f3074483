"""RNNCell, LSTMCell and GRUCell agree with torch: constructor refusals, the errors a forward call raises, with or
without ``hx``, and every returned shape.

An outcome is ``("ok", shapes)`` with LSTMCell's ``(h', c')`` nested as torch returns it, ``("construct", None)``,
or ``("forward", why)``.  torch checks ``hx``'s rank and structure before the input's size, and ``hx``'s sizes
before the input's dtype, where the catalog checks the input first (the linter reports a layer's own input before
the state handed to it); so when the catalog refuses both, torch's reason must be one of the two.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
import torch
from hypothesis import event, given, settings
from hypothesis import strategies as st

from shapelint.catalog import CATALOG, Problem, ShapeError
from shapelint.dims import Shape, Symbol
from tests.budget import examples
from tests.catalog.oracle import assert_same_entries, known_dims, torch_checks
from tests.catalog.strategies import mostly

pytestmark = pytest.mark.sampled

NAMES = ("RNNCell", "LSTMCell", "GRUCell")
B = Symbol("B")

_TORCH_REASONS = {
    "Expected input to be 1D or 2D": "rank",
    "Unknown nonlinearity": "nonlinearity",
    "input has inconsistent input_size": "size",
    "must have the same dtype": "dtype",
    "to have the same dtype": "dtype",  # an empty matmul's wording
    "Expected hidden to be 1D or 2D": "state",
    "to be 1D or 2D": "state",  # LSTMCell's hx[0], hx[1]
    "inconsistent hidden_size": "state",
    "doesn't match hidden": "state",
    "expects two hidden states": "state",
    "must be tuple of Tensors": "state",
    "has no attribute 'dim'": "state",  # a tuple handed to RNNCell or GRUCell
    "Dimension out of range": "state",  # a 1-D state for a batched input of one row
    "is out of bounds": "state",  # LSTMCell unpacking a single empty tensor as (h, c)
}
_CATALOG_REASONS = {Problem.RANK: "rank", Problem.DTYPE: "dtype", Problem.SIZE: "size"}

State = tuple[tuple[int, ...], ...] | tuple[int, ...] | None
"""``hx`` as shapes: ``None``, one tensor's shape, or a tuple of shapes."""


def _reason(error: Exception) -> str:
    return next((why for text, why in _TORCH_REASONS.items() if text in str(error)), f"other: {error!r}")


def torch_outcome(
    name: str, args: Mapping[str, object], shape: tuple[int, ...], dtype: torch.dtype, hx: State
) -> tuple[str, object]:
    with torch_checks():
        try:
            layer = getattr(torch.nn, name)(**args)
        except (ValueError, TypeError, RuntimeError, OverflowError):
            return ("construct", None)
        layer.eval()
        state: object = None
        if hx is not None:
            state = tuple(torch.zeros(part) for part in hx) if _is_tuple(hx) else torch.zeros(hx)
        try:
            with torch.no_grad():
                result = layer(torch.zeros(shape, dtype=dtype), state)
        except (ValueError, TypeError, RuntimeError, AttributeError, IndexError) as error:
            return ("forward", _reason(error))
    return ("ok", known_dims(result))


def _is_tuple(hx: State) -> bool:
    return bool(hx) and isinstance(hx, tuple) and isinstance(hx[0], tuple)


def catalog_outcome(
    name: str, args: Mapping[str, object], shape: tuple[int, ...], dtype: str, hx: State
) -> tuple[str, object]:
    """The outcome, a refusal naming every reason the catalog has: its input's, then its state's."""
    kind = CATALOG[name]
    bound = kind.bind((), args)
    try:
        kind.check_hyperparameters(bound)
    except ShapeError:
        return ("construct", None)
    incoming = Shape(shape, dtype=dtype)
    given = () if hx is None else tuple(Shape(part) for part in hx) if _is_tuple(hx) else (Shape(hx),)  # type: ignore[arg-type]
    reasons = []
    try:
        out = kind.infer(bound, incoming)
    except ShapeError as error:
        if error.problem is Problem.RANK:
            return ("forward", {"rank"})
        reasons.append("nonlinearity" if "nonlinearity" in error.message else _CATALOG_REASONS.get(error.problem))
    assert kind.extra_rule is not None
    try:
        kind.extra_rule(bound, incoming, given)
    except ShapeError as error:
        assert error.problem is Problem.OTHER, error
        reasons.append("state")
    if reasons:
        return ("forward", set(reasons))
    if kind.state is None:
        return ("ok", known_dims(out))
    return ("ok", (known_dims(out), known_dims(kind.state(bound, incoming))))


sizes = mostly(st.integers(0, 5), st.sampled_from([-1, 2.0, "4", None, True]))
flags = mostly(st.booleans(), st.sampled_from([0, 1, None, "yes"]))


@st.composite
def hyperparameters(draw: st.DrawFn, name: str) -> dict[str, object]:
    args: dict[str, object] = {"input_size": draw(sizes), "hidden_size": draw(sizes), "bias": draw(flags)}
    if name == "RNNCell":
        args["nonlinearity"] = draw(mostly(st.sampled_from(["tanh", "relu"]), st.sampled_from(["sigmoid", None, 1])))
    return args


def _size(value: object, fallback: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else fallback


@st.composite
def inputs(draw: st.DrawFn, input_size: object) -> tuple[tuple[int, ...], str]:
    """Mostly ``(N, input_size)`` or ``(input_size,)``; now and then an empty batch, another size or rank, integers."""
    rank = draw(mostly(st.sampled_from([1, 2]), st.sampled_from([0, 3])))
    lead = draw(st.lists(mostly(st.integers(1, 3), st.just(0), odds=8), min_size=max(rank - 1, 0), max_size=3))
    last = draw(mostly(st.just(_size(input_size, 3)), st.integers(0, 5), odds=6))
    shape = (*lead[: rank - 1], last) if rank else ()
    return shape, draw(mostly(st.just("float"), st.just("int"), odds=12))


@st.composite
def states(draw: st.DrawFn, name: str, shape: tuple[int, ...], hidden_size: object) -> State:
    """``None``, the state the cell returns, or one spoilt: another batch, size or rank, or the other structure
    (a single tensor for LSTMCell, a pair for the others).

    Left out: a 1-tuple for RNNCell or GRUCell, which the evaluator cannot tell from one tensor; and a 2-D state
    for a 1-D input, which torch unsqueezes to 3-D and then checks only in part: ``GRUCell(10, 3)`` accepts a
    ``(3, 3)`` state for a ``(10,)`` input and returns ``(3, 3)``, LSTMCell crashes the process on some.  The
    catalog refuses every state whose shape is not the output's, as torch documents."""
    faults = ["none", "right", "right", "size", "structure"] + (["batch", "rank"] if len(shape) == 2 else [])
    fault = draw(st.sampled_from(faults))
    if fault == "none":
        return None
    hidden = _size(hidden_size, 2)
    batch = shape[:-1] if len(shape) == 2 else ()
    if fault == "batch":
        batch = (batch[0] + draw(st.integers(1, 2)),) if batch else (draw(st.integers(1, 3)),)
    if fault == "rank":
        batch = (*batch, 1)
    state = (*batch, hidden + (fault == "size"))
    pair = name == "LSTMCell"
    if fault == "size" and pair and draw(st.booleans()):
        return ((*batch, hidden), state)  # c of the wrong size, h right
    if fault == "structure":
        pair = not pair
    if pair:
        return (state, (*batch, hidden)) if fault != "structure" or draw(st.booleans()) else (state, state, state)
    return state


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=examples(1500), deadline=None)
@given(data=st.data())
def test_cell_kind_agrees_with_torch(name: str, data: st.DataObject) -> None:
    args = data.draw(hyperparameters(name))
    shape, dtype = data.draw(inputs(args["input_size"]))
    hx = data.draw(states(name, shape if len(shape) in (1, 2) else (3,), args["hidden_size"]))
    expected = torch_outcome(name, args, shape, torch.long if dtype == "int" else torch.float32, hx)
    actual = catalog_outcome(name, args, shape, dtype, hx)
    event(f"torch: {expected[0]} {expected[1] if expected[0] == 'forward' else ''}")
    where = f"{name}({args}) on {shape} {dtype} with hx {hx}: torch {expected}, catalog {actual}"
    if expected[0] == "forward":
        assert actual[0] == "forward", where
        assert isinstance(actual[1], set) and expected[1] in actual[1], where
    else:
        assert actual == expected, where


def _infer(name: str, shape: Shape, *args: object, **kwargs: object) -> object:
    kind = CATALOG[name]
    bound = kind.bind(args, kwargs)
    out = kind.infer(bound, shape)
    return out if kind.state is None else (out, kind.state(bound, shape))


def test_symbols_and_open_shapes_keep_what_is_known() -> None:
    assert _infer("LSTMCell", Shape((B, 10)), 10, 20) == (Shape((B, 20), dtype="float"),) * 2
    assert _infer("GRUCell", Shape((7,), open=True), 7, Symbol("H")) == Shape((Symbol("H"),), open=True, dtype="float")
    assert _infer("RNNCell", Shape((B, 4)), 4, 6, nonlinearity="relu") == Shape((B, 6), dtype="float")


@pytest.mark.parametrize("name", NAMES)
def test_a_wrong_input_size_names_the_argument(name: str) -> None:
    with pytest.raises(ShapeError) as caught:
        _infer(name, Shape((B, 30)), 10, 20)
    error = caught.value
    assert (error.problem, error.argument, error.expected, error.found) == (Problem.SIZE, "input_size", 30, 10)
    assert CATALOG[name].family.value == "linear"


def test_states_of_symbolic_batches_are_not_refused() -> None:
    """A batch ``N`` against a batch ``B`` may be one size; only sizes known to differ are refused."""
    kind = CATALOG["LSTMCell"]
    assert kind.extra_rule is not None
    kind.extra_rule(kind.bind((10, 20)), Shape((B, 10)), (Shape((Symbol("N"), 20)),) * 2)
    with pytest.raises(ShapeError, match=r"LSTMCell takes hx as a tuple \(h_0, c_0\)"):
        kind.extra_rule(kind.bind((10, 20)), Shape((B, 10)), (Shape((Symbol("N"), 20)),))


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=examples(60), deadline=None)
@given(data=st.data())
def test_state_entries_match_torch(name: str, data: st.DataObject) -> None:
    args = {
        "input_size": data.draw(st.integers(0, 5)),
        "hidden_size": data.draw(st.integers(0, 5)),
        "bias": data.draw(st.booleans()),
    }
    assert_same_entries(name, args)
