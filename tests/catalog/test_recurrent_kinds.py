"""RNN, LSTM and GRU agree with torch: constructor refusals, the error a forward call raises, and every returned shape.

An outcome here is ``("ok", (output, state))`` with the state's shapes nested
as torch returns them, ``("construct", None)``, or ``("forward", why)`` where
``why`` names the check that failed, so the catalog must refuse an input for
the reason torch does (a wrong ``input_size`` is a size error, not a rank one).
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
import torch
from hypothesis import event, given, settings
from hypothesis import strategies as st

from shapelint.catalog import CATALOG, Problem, ShapeError, state_entries
from shapelint.dims import UNKNOWN, Shape, Symbol
from tests.budget import examples
from tests.catalog.oracle import assert_same_entries, catalog_outcome, known_dims, torch_checks
from tests.catalog.strategies import mostly

pytestmark = pytest.mark.sampled

Outcome = tuple[str, object]
NAMES = ("RNN", "LSTM", "GRU")
B = Symbol("B")

_TORCH_REASONS = {
    "Expected input to be 2D or 3D": "rank",
    "does not match weight dtype": "dtype",
    "input.size(-1) must be equal to input_size": "size",
    "Expected sequence length to be larger than 0": "collapse",
}
_CATALOG_REASONS = {
    Problem.RANK: "rank",
    Problem.DTYPE: "dtype",
    Problem.SIZE: "size",
    Problem.COLLAPSE: "collapse",
    Problem.HYPERPARAMETER: "type",
}




def _reason(error: Exception) -> str:
    if isinstance(error, TypeError):
        return "type"
    return next((why for text, why in _TORCH_REASONS.items() if text in str(error)), f"other: {error}")


def torch_outcome(name: str, args: Mapping[str, object], shape: tuple[int, ...], dtype: torch.dtype) -> Outcome:
    with torch_checks():
        try:
            layer = getattr(torch.nn, name)(**args)
        except (ValueError, TypeError, RuntimeError, OverflowError):
            return ("construct", None)
        layer.eval()
        try:
            with torch.no_grad():
                result = layer(torch.zeros(shape, dtype=dtype))
        except (ValueError, TypeError, RuntimeError) as error:
            return ("forward", _reason(error))
    return ("ok", known_dims(result))




sizes = mostly(st.integers(1, 5), st.sampled_from([0, -1, 2.0, "4", None]))
flags = mostly(st.booleans(), st.sampled_from([0, 1, None, "yes"]))
dropouts = mostly(st.sampled_from([0.0, 0.25, 1, 0, 1.0]), st.sampled_from([-0.5, 1.5, float("nan"), True, "0", None]))


@st.composite
def hyperparameters(draw: st.DrawFn, name: str) -> dict[str, object]:
    args: dict[str, object] = {
        "input_size": draw(sizes),
        "hidden_size": draw(sizes),
        "num_layers": draw(mostly(st.integers(1, 3), st.sampled_from([0, -1, 1.5, 2.0, True, False]))),
        "bias": draw(flags),
        "batch_first": draw(flags),
        "dropout": draw(dropouts),
        "bidirectional": draw(mostly(st.booleans(), st.sampled_from([0, 1, 2, 1.0, None]))),
    }
    if name == "RNN":
        args["nonlinearity"] = draw(mostly(st.sampled_from(["tanh", "relu"]), st.sampled_from(["sigmoid", None, 1])))
    if name == "LSTM":
        projections = st.one_of(st.just(0), st.integers(1, 4))
        args["proj_size"] = draw(mostly(projections, st.sampled_from([-1, 0.0, 1.5, 2.0, "1", None, True, False])))
    return args


@st.composite
def inputs(draw: st.DrawFn, input_size: object) -> tuple[tuple[int, ...], str]:
    """Mostly a 2-D or 3-D input ending in ``input_size``; now and then a zero size, a wrong rank or int dtype."""
    rank = draw(mostly(st.sampled_from([2, 3]), st.sampled_from([0, 1, 4])))
    lead = draw(st.lists(mostly(st.integers(1, 3), st.just(0), odds=8), min_size=rank, max_size=rank))
    features = input_size if isinstance(input_size, int) and input_size > 0 else 3
    last = draw(mostly(st.just(features), st.integers(0, 5), odds=6))
    shape = tuple(lead[:-1]) + (last,) if rank else ()
    return shape, draw(mostly(st.just("float"), st.just("int"), odds=12))


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=examples(1500), deadline=None)
@given(data=st.data())
def test_recurrent_kind_agrees_with_torch(name: str, data: st.DataObject) -> None:
    args = data.draw(hyperparameters(name))
    shape, dtype = data.draw(inputs(args["input_size"]))
    expected = torch_outcome(name, args, shape, torch.long if dtype == "int" else torch.float32)
    actual = catalog_outcome(name, args, shape, dtype, _CATALOG_REASONS)
    event(f"torch: {expected[0]} {expected[1] if expected[0] == 'forward' else ''}")
    assert actual == expected, f"{name}({args}) on {shape} {dtype}: torch {expected}, catalog {actual}"


def _infer(name: str, shape: Shape, *args: object, **kwargs: object) -> tuple[Shape, object]:
    kind = CATALOG[name]
    bound = kind.bind(args, kwargs)
    assert kind.state is not None
    return kind.infer(bound, shape), kind.state(bound, shape)


def test_symbols_and_open_shapes_keep_what_is_known() -> None:
    out, (h, c) = _infer("LSTM", Shape((B, 25, 128)), 128, 64, batch_first=True, bidirectional=True, proj_size=16)
    assert out.dims == (B, 25, 32)
    assert (h.dims, c.dims) == ((2, B, 16), (2, B, 64))
    out, h = _infer("GRU", Shape((B, 7), open=True), 7, 5, num_layers=2)
    assert out == Shape((B, 5), open=True, dtype="float")
    assert h is UNKNOWN
    out, h = _infer("RNN", Shape((UNKNOWN, 9, 4), open=True), 4, 6, batch_first=True)
    assert (out.dims, h.dims) == ((UNKNOWN, 9, 6), (1, UNKNOWN, 6))


def test_unknown_flags_keep_the_sizes_they_do_not_touch() -> None:
    out, h = _infer("GRU", Shape((B, 5, 3)), 3, 8, bidirectional=UNKNOWN, batch_first=UNKNOWN)
    assert out.dims == (B, 5, UNKNOWN)
    assert h.dims == (UNKNOWN, UNKNOWN, 8)
    out, _ = _infer("LSTM", Shape((B, 5, 3)), 3, Symbol("H"))
    assert out.dims == (B, 5, Symbol("H"))


def test_a_wrong_input_size_names_the_argument() -> None:
    with pytest.raises(ShapeError) as caught:
        _infer("LSTM", Shape((B, 25, 128)), 100, 64, batch_first=True)
    error = caught.value
    assert (error.problem, error.argument, error.expected, error.found) == (Problem.SIZE, "input_size", 128, 100)


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=examples(60), deadline=None)
@given(data=st.data())
def test_state_entries_match_torch(name: str, data: st.DataObject) -> None:
    args: dict[str, object] = {
        "input_size": data.draw(st.integers(1, 5)),
        "hidden_size": data.draw(st.integers(2, 5)),
        "num_layers": data.draw(st.integers(1, 3)),
        "bias": data.draw(st.booleans()),
        "bidirectional": data.draw(st.booleans()),
    }
    if name == "LSTM":
        args["proj_size"] = data.draw(st.integers(0, 1))
    assert_same_entries(name, args)


def test_state_entries_need_the_flags_that_decide_them() -> None:
    for flag in ("bias", "bidirectional", "num_layers"):
        gru = CATALOG["GRU"]
        assert state_entries(gru, gru.bind((3, 4), {flag: UNKNOWN})) is None
