"""Batches cut by hand (``for i in range(0, len(X), 32): net(X[i:i + 32])``, a window at a random start): ``len`` of
a tensor is its first size, and a slice whose bounds are unknown keeps its dimension, its size unknown, and every
other dimension, as torch's result does whatever the bounds were."""

from __future__ import annotations

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.catalog.tensor_ops import index
from shapelint.dims import UNKNOWN, Shape
from shapelint.evaluator.operators import BUILTINS
from shapelint.evaluator.values import Tensor
from tests.budget import examples

pytestmark = pytest.mark.sampled
_shapes = st.lists(st.integers(0, 40), min_size=1, max_size=4).map(tuple)


@settings(max_examples=examples(200))
@given(shape=_shapes)
def test_len_of_a_tensor_is_its_first_size(shape: tuple[int, ...]) -> None:
    assert BUILTINS["len"].function(Tensor(Shape(shape))) == len(torch.zeros(shape))


@settings(max_examples=examples(300))
@given(data=st.data(), shape=_shapes)
def test_a_slice_of_unknown_bounds_keeps_every_other_dimension(data: st.DataObject, shape: tuple[int, ...]) -> None:
    at = data.draw(st.integers(0, len(shape) - 1))
    bounds = data.draw(st.tuples(st.integers(-50, 50) | st.none(), st.integers(-50, 50) | st.none(), st.integers(1, 5)))
    hidden = data.draw(st.tuples(st.booleans(), st.booleans(), st.booleans()))
    seen = [UNKNOWN if unknown else bound for bound, unknown in zip(bounds, hidden)]
    leading = [slice(None)] * at
    real = torch.zeros(shape)[(*leading, slice(*bounds))].shape
    ours = index(Shape(shape), [*leading, slice(*seen)])
    assert len(ours.dims) == len(real)
    for position, (dim, size) in enumerate(zip(ours.dims, real)):
        assert dim == size or (position == at and dim is UNKNOWN and any(hidden))
