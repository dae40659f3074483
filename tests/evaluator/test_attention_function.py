"""``F.scaled_dot_product_attention`` against torch: the output shape, and a rejection exactly where torch raises."""

from __future__ import annotations

import libcst as cst
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.dims import Shape
from shapelint.evaluator.flow import Propagator
from shapelint.evaluator.tensors import TensorCalls
from shapelint.evaluator.values import Tensor
from tests.budget import examples

pytestmark = pytest.mark.sampled

NAME = "torch.nn.functional.scaled_dot_product_attention"
_dim = st.integers(1, 4)


@st.composite
def _operands(draw: st.DrawFn) -> tuple[tuple[int, ...], ...]:
    """Query, key and value shapes that mostly fit, with a batch that may broadcast and sizes that may not."""
    rank = draw(st.integers(1, 4))
    batch = draw(st.lists(_dim, min_size=max(rank - 2, 0), max_size=max(rank - 2, 0)))
    length, source, embed, out = draw(_dim), draw(_dim), draw(_dim), draw(_dim)

    def some(dims: list[int]) -> tuple[int, ...]:
        changed = [draw(st.sampled_from([d, 1, d + 1])) for d in dims]
        return tuple(draw(st.sampled_from([dims, changed])))

    query = (*batch, length, embed)[-rank:]
    key = some([*batch, source, embed])[-draw(st.integers(1, rank)) :]
    value = some([*batch, source, out])[-draw(st.integers(1, rank)) :]
    return query, key, value


def _torch(shapes: tuple[tuple[int, ...], ...]) -> tuple[int, ...] | None:
    try:
        return tuple(F.scaled_dot_product_attention(*(torch.randn(shape) for shape in shapes)).shape)
    except RuntimeError:
        return None


def _ours(shapes: tuple[tuple[int, ...], ...], **kwargs: object) -> tuple[int, ...] | str | None:
    propagator = Propagator(lambda module, flow: None)
    result = TensorCalls(propagator).function(NAME, [Tensor(Shape(s)) for s in shapes], dict(kwargs), cst.Name("f"))
    if propagator.mismatches:
        return None
    assert isinstance(result, Tensor)
    return "unknown" if result.shape.open else tuple(result.shape.dims)  # type: ignore[return-value]


@settings(max_examples=examples(600))
@given(shapes=_operands())
def test_output_and_rejections_agree_with_torch(shapes: tuple[tuple[int, ...], ...]) -> None:
    assert _ours(shapes) == _torch(shapes)


def test_keywords_and_grouped_query_attention() -> None:
    q, k, v = (2, 4, 8), (2, 5, 8), (2, 5, 6)
    propagator = Propagator(lambda module, flow: None)
    calls = TensorCalls(propagator)
    tensors = [Tensor(Shape(s)) for s in (q, k, v)]
    by_name = calls.function(NAME, [tensors[0]], {"key": tensors[1], "value": tensors[2]}, cst.Name("f"))
    assert isinstance(by_name, Tensor) and by_name.shape.dims == (2, 4, 6)
    assert _ours((q, k, v), enable_gqa=True) == "unknown"
