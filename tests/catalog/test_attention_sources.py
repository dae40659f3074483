"""MultiheadAttention's key and value at the call, against torch on drawn shapes: a finding exactly where torch
refuses them (a batch, length or feature size that differs), none where it runs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.lint import lint_source
from tests.budget import examples

torch = pytest.importorskip("torch", reason="the rule is compared with torch, which this run has not installed")

_SIZES = st.integers(1, 3)


@pytest.mark.sampled
@settings(max_examples=examples(300), deadline=None)
@given(
    batch_first=st.booleans(),
    batches=st.tuples(_SIZES, _SIZES, _SIZES),
    lengths=st.tuples(_SIZES, _SIZES, _SIZES),
    widths=st.tuples(st.sampled_from([4, 6]), st.sampled_from([4, 6]), st.sampled_from([4, 6])),
    kdim=st.sampled_from([None, 6]),
    vdim=st.sampled_from([None, 6]),
    unbatched=st.booleans(),
)
def test_key_and_value_are_refused_exactly_where_torch_refuses_them(
    batch_first: bool,
    batches: tuple[int, int, int],
    lengths: tuple[int, int, int],
    widths: tuple[int, int, int],
    kdim: int | None,
    vdim: int | None,
    unbatched: bool,
) -> None:
    def shape(at: int) -> tuple[int, ...]:
        if unbatched:
            return (lengths[at], widths[at])
        pair = (batches[at], lengths[at]) if batch_first else (lengths[at], batches[at])
        return (*pair, widths[at])

    query_width = 4
    shapes = [shape(0), shape(1), shape(2)]
    shapes[0] = (*shapes[0][:-1], query_width)
    source = (
        "import torch\nimport torch.nn as nn\n"
        f"attention = nn.MultiheadAttention(4, 2, kdim={kdim}, vdim={vdim}, batch_first={batch_first})\n"
        f"q, k, v = torch.rand{shapes[0]}, torch.rand{shapes[1]}, torch.rand{shapes[2]}\n"
        "out, weights = attention(q, k, v)\n"
    )
    try:
        with torch.no_grad():
            exec(source, {})
        refused = False
    except (RuntimeError, AssertionError, ValueError):
        refused = True
    findings = [(d.line, d.code) for d in lint_source(source, "attention.py")]
    assert findings == ([(5, "SHP006")] if refused else []), source
