"""Methods whose result is not the receiver's shape: ``masked_fill`` and ``clamp`` broadcast the receiver with a
tensor mask or bound (``h[:, None].masked_fill(pad[..., None], 0)`` is ``(B, T, D)``), and ``std``/``var`` take
``unbiased`` second (``x.std(2, True)`` drops dimension 2).  Each checked against torch on generated shapes."""

from __future__ import annotations

import libcst as cst
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.evaluator import evaluate
from shapelint.evaluator.values import Tensor
from shapelint.lint import lint_source
from tests.budget import examples

pytestmark = pytest.mark.sampled
_CALLS = [
    "x.masked_fill(m, 0.0)", "torch.masked_fill(x, m, 0.0)", "x.masked_fill(mask=m, value=1.0)", "x.clamp(min=b)",
    "x.clamp(b)", "x.clamp(max=b)", "x.clip(b, b)", "torch.clamp(x, min=b)", "x.clamp(min=0.0)",
    "x.masked_fill(m > 0, 0.0)",
]  # fmt: skip
_SHAPES = st.lists(st.sampled_from([1, 2, 3]), min_size=1, max_size=3).map(tuple)


def _agrees(source: str, known: bool = False) -> None:
    real: dict[str, object] = {}
    try:
        exec(source, real)
    except RuntimeError:  # shapes torch does not broadcast
        return
    tensor = real["r"]
    assert isinstance(tensor, torch.Tensor)
    ours = evaluate(cst.parse_module(source)).names["r"]
    if known:
        assert isinstance(ours, Tensor) and not ours.shape.open, source
    if isinstance(ours, Tensor) and not ours.shape.open:
        assert ours.shape.dims == tuple(tensor.shape), source


@settings(max_examples=examples(200))
@given(
    shape=_SHAPES,
    other=_SHAPES,
    call=st.sampled_from(_CALLS),
)
def test_mask_and_bound_operands_broadcast_as_in_torch(shape: tuple[int, ...], other: tuple[int, ...], call: str) -> None:
    source = (
        f"import torch\nx = torch.rand{shape}\nm = torch.rand{other} > 0.5\nb = -torch.ones{other}\nr = {call}\n"
    )
    _agrees(source, known=True)


@settings(max_examples=examples(200))
@given(
    shape=st.lists(st.integers(1, 4), min_size=1, max_size=4).map(tuple),
    name=st.sampled_from(["std", "var"]),
    arguments=st.sampled_from(["1", "-1", "1, True", "1, False", "1, True, True", "1, False, True", "(0, 1), True"]),
    as_function=st.booleans(),
)
def test_std_and_var_read_their_arguments_as_torch_does(
    shape: tuple[int, ...], name: str, arguments: str, as_function: bool
) -> None:
    call = f"torch.{name}(x, {arguments})" if as_function else f"x.{name}({arguments})"
    source = f"import torch\nx = torch.rand{shape}\nr = {call}\n"
    try:
        _agrees(source, known=True)
    except IndexError:  # a dimension out of range for this shape: torch raises too
        with pytest.raises(IndexError):
            exec(source, {})


@settings(max_examples=examples(200))
@given(shape=_SHAPES, other=_SHAPES, call=st.sampled_from(["x.add_(y)", "x.sub_(y)", "x.mul_(y)", "x.div_(y)", "x += y"]))
def test_in_place_arithmetic_keeps_its_receiver_or_fails_as_in_torch(
    shape: tuple[int, ...], other: tuple[int, ...], call: str
) -> None:
    """An in-place operation cannot grow its receiver, not even by a leading 1: torch raises exactly where a finding
    is reported, and elsewhere the receiver keeps its shape."""
    source = f"import torch\nx = torch.rand{shape}\ny = torch.rand{other}\n{call}\nr = x\n"
    try:
        exec(source, {})
        raised = False
    except RuntimeError:
        raised = True
    findings = lint_source(source, "inplace.py")
    assert [(d.line, d.code) for d in findings] == ([(4, "SHP006")] if raised else []), source
    ours = evaluate(cst.parse_module(source)).names["r"]
    assert isinstance(ours, Tensor) and (raised or ours.shape.dims == shape), source
