"""``repeat_interleave`` (grouped-query attention's ``k.repeat_interleave(n_rep, dim=1)``) against torch on drawn
shapes, as a method and as ``torch.repeat_interleave``, with and without ``dim``."""

from __future__ import annotations

import libcst as cst
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.evaluator import evaluate
from shapelint.evaluator.values import Tensor
from tests.budget import examples

torch = pytest.importorskip("torch", reason="the rule is compared with torch, which this run has not installed")


@pytest.mark.sampled
@settings(max_examples=examples(200), deadline=None)
@given(
    shape=st.lists(st.integers(1, 4), min_size=1, max_size=4).map(tuple),
    repeats=st.integers(0, 3),
    dim=st.one_of(st.none(), st.integers(-4, 3)),
    by_keyword=st.booleans(),
    as_function=st.booleans(),
)
def test_repeat_interleave_agrees_with_torch(
    shape: tuple[int, ...], repeats: int, dim: int | None, by_keyword: bool, as_function: bool
) -> None:
    arguments = f"{repeats}" + ("" if dim is None else (f", dim={dim}" if by_keyword else f", {dim}"))
    call = f"torch.repeat_interleave(x, {arguments})" if as_function else f"x.repeat_interleave({arguments})"
    source = f"import torch\nx = torch.rand{shape}\nr = {call}\n"
    try:
        namespace: dict[str, object] = {}
        exec(source, namespace)
    except (IndexError, RuntimeError):  # a dimension out of range: torch raises, ours is unknown
        expected = None
    else:
        expected = tuple(namespace["r"].shape)  # type: ignore[attr-defined]
    ours = evaluate(cst.parse_module(source)).names["r"]
    assert isinstance(ours, Tensor)
    if expected is None:
        assert ours.shape.open, source
    else:
        assert not ours.shape.open and ours.shape.dims == expected, source
