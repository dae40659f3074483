"""torch's argument parser takes numpy's ``axis`` for ``dim`` and ``keepdims`` for ``keepdim`` in every tensor method
and ``torch.*`` function: d2l's ``X.sum(1, keepdims=True)`` keeps the dimension, and ``x.mean(axis=2)`` reduces only
that one.  Read as unknown keywords they gave a full reduction, and false findings after it."""

from __future__ import annotations

import libcst as cst
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.evaluator import evaluate
from shapelint.evaluator.values import Tensor
from tests.budget import examples

pytestmark = pytest.mark.sampled
_REDUCTIONS = ["sum", "mean", "var", "std", "amax", "amin", "prod", "logsumexp", "argmax", "softmax", "log_softmax"]


@settings(max_examples=examples(300))
@given(
    name=st.sampled_from(_REDUCTIONS),
    shape=st.lists(st.integers(1, 4), min_size=1, max_size=4).map(tuple),
    axis=st.integers(-4, 3),
    keepdims=st.sampled_from(["", ", keepdims=True", ", keepdims=False"]),
    as_function=st.booleans(),
)
def test_numpy_names_reduce_as_torch_does(
    name: str, shape: tuple[int, ...], axis: int, keepdims: str, as_function: bool
) -> None:
    call = f"torch.{name}(x, axis={axis}{keepdims})" if as_function else f"x.{name}(axis={axis}{keepdims})"
    source = f"import torch\nx = torch.zeros{shape}\ny = {call}\n"
    try:
        real: dict[str, object] = {}
        exec(source, real)
    except (IndexError, RuntimeError, TypeError):  # out of range, or a keyword this one does not take
        return
    tensor = real["y"]
    assert isinstance(tensor, torch.Tensor)
    ours = evaluate(cst.parse_module(source)).names["y"]
    if name in ("sum", "mean", "softmax"):  # the commonest: known, not only never wrong
        assert isinstance(ours, Tensor) and not ours.shape.open, source
    if isinstance(ours, Tensor) and not ours.shape.open:
        assert ours.shape.dims == tuple(tensor.shape), source
