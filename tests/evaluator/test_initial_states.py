"""A recurrent layer's initial state (``gru(x, h0)``, ``lstm(x, (h0, c0))``): shapelint reports it exactly when torch
refuses it, for drawn layers, inputs and states; states of sizes not known are never reported."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.lint import lint_source
from tests.budget import examples

pytestmark = pytest.mark.sampled

PROGRAM = """
import torch
import torch.nn as nn

rnn = nn.{kind}(3, {hidden}, num_layers={layers}, bidirectional={bidirectional}, batch_first={batch_first}{projection})
x = torch.randn({input})
h0 = torch.zeros({h})
c0 = torch.zeros({c})
out = rnn(x, {state})
"""


@settings(max_examples=examples(150), deadline=None)
@given(
    kind=st.sampled_from(["RNN", "GRU", "LSTM"]),
    hidden=st.integers(2, 4),
    layers=st.integers(1, 2),
    bidirectional=st.booleans(),
    batch_first=st.booleans(),
    projection=st.integers(0, 1),
    batched=st.booleans(),
    h=st.lists(st.integers(1, 5), min_size=2, max_size=3),
    c=st.lists(st.integers(1, 5), min_size=2, max_size=3),
)
def test_reported_exactly_when_torch_refuses(
    kind: str,
    hidden: int,
    layers: int,
    bidirectional: bool,
    batch_first: bool,
    projection: int,
    batched: bool,
    h: list[int],
    c: list[int],
) -> None:
    pytest.importorskip("torch", reason="the programs run under torch, which this run has not installed")
    source = PROGRAM.format(
        kind=kind, hidden=hidden, layers=layers, bidirectional=bidirectional, batch_first=batch_first,
        projection=f", proj_size={projection}" if kind == "LSTM" and projection else "",
        input=(2, 4, 3) if batched else (4, 3), h=tuple(h), c=tuple(c),
        state="(h0, c0)" if kind == "LSTM" else "h0",
    )
    try:
        exec(compile(source, "state", "exec", dont_inherit=True), {})
        refused = False
    except RuntimeError:
        refused = True
    found = [d for d in lint_source(source) if d.code == "SHP006" and d.line == 9]
    assert bool(found) == refused, (source, found)


def test_a_state_of_sizes_not_known_is_not_reported() -> None:
    source = PROGRAM.format(
        kind="GRU", hidden=4, layers=1, bidirectional=False, batch_first=True, projection="", input=(2, 5, 3),
        h="n, 2, 4", c="1", state="h0",
    ).replace("h0 = ", "n = len(open('f').read())\nh0 = ")
    assert lint_source(source) == []


CELL_PROGRAM = """
import torch
import torch.nn as nn

cell = nn.{kind}(3, {hidden})
x = torch.randn({input})
h0 = torch.zeros({h})
c0 = torch.zeros({c})
out = cell(x, {state})
"""


@settings(max_examples=examples(150), deadline=None)
@given(
    kind=st.sampled_from(["RNNCell", "GRUCell", "LSTMCell"]),
    hidden=st.integers(2, 4),
    batched=st.booleans(),
    h=st.lists(st.integers(1, 5), min_size=1, max_size=3),
    c=st.lists(st.integers(1, 5), min_size=1, max_size=3),
    as_pair=st.booleans(),
)
def test_a_cells_state_is_reported_exactly_when_torch_refuses(
    kind: str, hidden: int, batched: bool, h: list[int], c: list[int], as_pair: bool
) -> None:
    """Its sizes, batch and rank, and its structure: LSTMCell takes ``(h0, c0)``, the others one tensor.  A 1-D
    input gets 1-D states: torch unsqueezes a 2-D one to 3-D and checks it only in part (it accepts a ``(3, 3)``
    state for GRUCell(_, 3) and returns ``(3, 3)``, and crashes on some for LSTMCell)."""
    pytest.importorskip("torch", reason="the programs run under torch, which this run has not installed")
    if not batched:
        h, c = h[-1:], c[-1:]
    source = CELL_PROGRAM.format(
        kind=kind, hidden=hidden, input=(2, 3) if batched else (3,), h=tuple(h), c=tuple(c),
        state="(h0, c0)" if as_pair else "h0",
    )
    try:
        exec(compile(source, "state", "exec", dont_inherit=True), {})
        refused = False
    except (RuntimeError, TypeError, ValueError, AttributeError, IndexError):
        refused = True
    found = [d for d in lint_source(source) if d.code == "SHP006" and d.line == 9]
    assert bool(found) == refused, (source, found)
    assert [d for d in lint_source(source) if d.line != 9] == []
