"""Packed sequences through a recurrent layer: every size shapelint knows of the padded output, its lengths and the
layer's state is torch's, for drawn layouts, layers and lengths."""

from __future__ import annotations

import libcst as cst
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.dims import is_int
from shapelint.evaluator import Tensor, evaluate
from tests.budget import examples

pytestmark = pytest.mark.sampled

PROGRAM = """
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

rnn = nn.{kind}({features}, {hidden}, num_layers={layers}, bidirectional={bidirectional}, batch_first={layer_first})
x = torch.randn({dims})
packed = pack_padded_sequence(x, torch.tensor({lengths}), batch_first={pack_first}, enforce_sorted=False)
out, state = rnn(packed)
padded, lengths = pad_packed_sequence(out, batch_first={pad_first}{total})
h = state{first}
"""


@settings(max_examples=examples(60), deadline=None)
@given(
    kind=st.sampled_from(["LSTM", "GRU", "RNN"]),
    features=st.integers(1, 5),
    hidden=st.integers(1, 5),
    layers=st.integers(1, 2),
    bidirectional=st.booleans(),
    layer_first=st.booleans(),
    pack_first=st.booleans(),
    pad_first=st.booleans(),
    steps=st.integers(1, 6),
    lengths=st.lists(st.integers(1, 6), min_size=1, max_size=4),
    total=st.booleans(),
)
def test_known_sizes_are_torchs(
    kind: str,
    features: int,
    hidden: int,
    layers: int,
    bidirectional: bool,
    layer_first: bool,
    pack_first: bool,
    pad_first: bool,
    steps: int,
    lengths: list[int],
    total: bool,
) -> None:
    torch = pytest.importorskip("torch", reason="the programs run under torch, which this run has not installed")
    lengths = [min(length, steps) for length in lengths]
    batch = len(lengths)
    dims = (batch, steps, features) if pack_first else (steps, batch, features)
    source = PROGRAM.format(
        kind=kind, features=features, hidden=hidden, layers=layers, bidirectional=bidirectional,
        layer_first=layer_first, dims=dims, lengths=lengths, pack_first=pack_first, pad_first=pad_first,
        total=f", total_length={steps}" if total else "", first="[0]" if kind == "LSTM" else "",
    )
    namespace: dict[str, object] = {}
    exec(compile(source, "packed", "exec", dont_inherit=True), namespace)
    ours = evaluate(cst.parse_module(source)).names
    for name in ("padded", "lengths", "h"):
        mine, real = ours[name], namespace[name]
        assert isinstance(real, torch.Tensor)
        assert isinstance(mine, Tensor), name
        assert len(mine.shape.dims) == real.dim(), name
        for known, size in zip(mine.shape.dims, real.shape):
            assert not is_int(known) or known == size, (name, mine.shape, tuple(real.shape))
    padded = ours["padded"]
    assert isinstance(padded, Tensor) and padded.shape.dims[-1] == hidden * (2 if bidirectional else 1)
