"""In-place fills return the tensor they filled, as torch's do: ``torch.empty(n, k).uniform_(eps, 1 - eps)`` is the
noise a stochastic gate or a Gumbel sample starts from."""

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
_shapes = st.lists(st.integers(0, 5), min_size=0, max_size=4).map(tuple)
_FILLS = [
    "uniform_(0.1, 0.9)", "normal_()", "normal_(0.0, 2.0)", "zero_()", "fill_(3.0)", "bernoulli_(0.5)",
    "exponential_()", "random_(0, 7)", "geometric_(0.5)", "cauchy_()", "log_normal_()",
]  # fmt: skip


@settings(max_examples=examples(200))
@given(shape=_shapes, fill=st.sampled_from(_FILLS))
def test_a_fill_keeps_the_shape_torch_keeps(shape: tuple[int, ...], fill: str) -> None:
    names = evaluate(cst.parse_module(f"import torch\nnoise = torch.empty({shape!r}).{fill}\n")).names
    real = eval(f"torch.empty({shape!r}).{fill}", {"torch": torch})
    noise = names["noise"]
    assert isinstance(noise, Tensor) and noise.shape.dims == tuple(real.shape)
