"""Tensor methods that move, cut, pick, compare or pair dimensions, against torch on drawn shapes and arguments.

Each call runs in torch first; where torch gives a tensor (or a values/indices pair), ours must be its shape or
unknown, and for the calls listed as followed, known whenever torch succeeds.  Where torch raises, ours is unknown
or a finding.
"""

from __future__ import annotations

import libcst as cst
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.evaluator import evaluate
from shapelint.evaluator.values import Tensor
from shapelint.lint import lint_source
from tests.budget import examples

torch = pytest.importorskip("torch", reason="the rules are compared with torch, which this run has not installed")

_CALLS = [
    "x.movedim({d}, {e})", "torch.movedim(x, ({d},), ({e},))", "x.moveaxis({d}, {e})", "x.narrow({d}, {i}, {k})",
    "x.select({d}, {i})", "torch.select(x, {d}, {i})", "x.diagonal()", "x.diagonal({i}, {d}, {e})",
    "torch.diagonal(x, offset=-{i}, dim1={d}, dim2={e})", "x.diff()", "x.diff(dim={d})", "torch.diff(x, {k}, {d})",
    "x.tile(({k},))", "torch.tile(x, ({k}, 1))", "torch.broadcast_to(x, (2,) + tuple(x.shape))",
    "x.unflatten({d}, (1, -1))", "x.unflatten({d}, (-1, 1))", "x.t()", "x.T", "x.mT", "x.norm(dim={d})",
    "x.norm(2, {d}, True)", "torch.norm(x, dim={d}, keepdim=True)", "x.count_nonzero({d})", "x.argmax()",
    "x.argmax({d})", "x.argmin(dim={d}, keepdim=True)", "torch.argmax(x, {d})", "(x > 0.5).any({d})",
    "(x > 0.5).all(dim={d}, keepdim=True)", "torch.any(x > 0.5)", "x.isnan()", "torch.isfinite(x)",
    "x.argsort(dim={d})", "torch.tril(x)", "x.triu({i})", "x.clamp_min(0.1)", "x.cumprod({d})", "x.pow(2)",
    "torch.pow(x, y)", "x.pow_(y)", "x.remainder(2)", "torch.fmod(x, y)", "x.eq(y)", "torch.gt(x, y)", "x.le(0.5)",
    "torch.where(x > 0.5, x, y)", "torch.where(x > 0.5, x, 0.0)", "x.where(x > 0.5, y)", "x.view_as(y)",
    "x.reshape_as(y)", "x.type_as(y)", "x.sort()[0]", "x.sort(dim={d}, descending=True).indices",
    "torch.sort(x, {d})[1]", "x.cummax({d})[0]", "torch.cummin(x, {d}).indices", "x.median({d})[0]",
    "x.median(dim={d}, keepdim=True).values", "torch.mode(x, {d})[1]", "x.nanmedian({d}).values",
]  # fmt: skip
_FOLLOWED = {
    "x.movedim({d}, {e})", "x.narrow({d}, {i}, {k})", "x.select({d}, {i})", "x.diff(dim={d})",
    "x.tile(({k},))", "x.unflatten({d}, (1, -1))", "x.T", "x.norm(dim={d})", "x.argmax({d})",
    "(x > 0.5).any({d})", "x.isnan()", "torch.tril(x)", "x.pow(2)", "x.eq(y)", "torch.where(x > 0.5, x, 0.0)",
    "x.type_as(y)", "x.sort()[0]", "x.cummax({d})[0]", "x.median({d})[0]", "x.where(x > 0.5, y)",
}  # fmt: skip
_SHAPES = st.lists(st.integers(1, 4), min_size=1, max_size=4).map(tuple)


@pytest.mark.sampled
@settings(max_examples=examples(600), deadline=None)
@given(
    shape=_SHAPES,
    other=_SHAPES,
    same_shape=st.booleans(),
    call=st.sampled_from(_CALLS),
    d=st.integers(-3, 3),
    e=st.integers(-3, 3),
    i=st.integers(0, 3),
    k=st.integers(0, 3),
)
def test_layout_rules_agree_with_torch(
    shape: tuple[int, ...], other: tuple[int, ...], same_shape: bool, call: str, d: int, e: int, i: int, k: int
) -> None:
    other = shape if same_shape else other
    source = f"import torch\nx = torch.rand{shape}\ny = torch.rand{other}\nr = {call.format(d=d, e=e, i=i, k=k)}\n"
    namespace: dict[str, object] = {}
    try:
        exec(source, namespace)
    except (IndexError, RuntimeError, TypeError, ValueError):
        expected = None
    else:
        result = namespace["r"]
        assert isinstance(result, torch.Tensor)
        expected = tuple(result.shape)
    ours = evaluate(cst.parse_module(source)).names["r"]
    known = isinstance(ours, Tensor) and not ours.shape.open and all(isinstance(dim, int) for dim in ours.shape.dims)
    if expected is None:
        return  # torch refuses: what ours says of a call that never returns is not compared
    assert not lint_source(source, "calls.py"), source
    if known:
        assert isinstance(ours, Tensor) and ours.shape.dims == expected, source
    else:
        assert call not in _FOLLOWED, source
