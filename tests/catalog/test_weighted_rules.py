"""``F.linear`` and ``F.conv1d/2d/3d`` called with weight tensors, against torch on drawn shapes, strides, paddings
and groups: ours is torch's shape, or a finding exactly where torch refuses the weight."""

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


def _compare(source: str, followed: bool = True) -> None:
    namespace: dict[str, object] = {}
    try:
        exec(source, namespace)
    except RuntimeError:
        expected = None
    else:
        expected = tuple(namespace["r"].shape)  # type: ignore[attr-defined]
    ours = evaluate(cst.parse_module(source)).names["r"]
    findings = lint_source(source, "weighted.py")
    if expected is None:
        assert findings or not followed, source
        return
    assert not findings, source
    assert isinstance(ours, Tensor)
    if followed:
        assert not ours.shape.open and ours.shape.dims == expected, source


@pytest.mark.sampled
@settings(max_examples=examples(300), deadline=None)
@given(
    leading=st.lists(st.integers(1, 3), max_size=2).map(tuple),
    features=st.integers(1, 5),
    weight=st.tuples(st.integers(1, 5), st.integers(1, 5)),
    bias=st.booleans(),
)
def test_linear_with_a_weight_agrees_with_torch(
    leading: tuple[int, ...], features: int, weight: tuple[int, int], bias: bool
) -> None:
    extra = f", torch.rand({weight[0]})" if bias else ""
    source = f"import torch\nx = torch.rand{(*leading, features)}\nw = torch.rand{weight}\nr = torch.nn.functional.linear(x, w{extra})\n"
    _compare(source)


@pytest.mark.sampled
@settings(max_examples=examples(400), deadline=None)
@given(
    spatial=st.integers(1, 3),
    batch=st.integers(1, 2),
    channels=st.integers(1, 6),
    per_group=st.integers(1, 6),
    groups=st.integers(1, 3),
    out_per_group=st.integers(1, 3),
    kernel=st.integers(1, 3),
    size=st.integers(1, 7),
    stride=st.integers(1, 2),
    padding=st.sampled_from(["0", "1", "'same'", "'valid'"]),
    by_keyword=st.booleans(),
)
def test_convolution_with_a_weight_agrees_with_torch(
    spatial: int,
    batch: int,
    channels: int,
    per_group: int,
    groups: int,
    out_per_group: int,
    kernel: int,
    size: int,
    stride: int,
    padding: str,
    by_keyword: bool,
) -> None:
    stride = 1 if padding == "'same'" else stride  # torch refuses a strided "same"
    shape = (batch, channels, *(size,) * spatial)
    weight = (out_per_group * groups, per_group, *(kernel,) * spatial)
    if by_keyword:
        options = f"weight=w, stride={stride}, padding={padding}, groups={groups}"
    else:
        options = f"w, None, {stride}, {padding}, 1, {groups}"
    call = f"torch.nn.functional.conv{spatial}d(x, {options})"
    source = f"import torch\nx = torch.rand{shape}\nw = torch.rand{weight}\nr = {call}\n"
    _compare(source)


@pytest.mark.sampled
@settings(max_examples=examples(100), deadline=None)
@given(indices=st.lists(st.integers(1, 3), max_size=3).map(tuple), weight=st.tuples(st.integers(4, 6), st.integers(1, 5)))
def test_embedding_with_a_weight_agrees_with_torch(indices: tuple[int, ...], weight: tuple[int, int]) -> None:
    source = (
        f"import torch\ni = torch.randint(0, 4, {indices})\nw = torch.rand{weight}\n"
        "r = torch.nn.functional.embedding(i, w)\n"
    )
    _compare(source)
