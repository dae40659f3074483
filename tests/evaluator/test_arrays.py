"""Arrays drawn with numpy and the tensors made from them have the shapes numpy and torch give them."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.dims import UNKNOWN
from shapelint.evaluator.arrays import call
from shapelint.evaluator.values import Array, Tensor
from shapelint.lint import lint_source
from tests.budget import examples

pytestmark = pytest.mark.sampled
_sizes = st.lists(st.integers(0, 4), min_size=1, max_size=4).map(tuple)
_NUMPY: dict[str, Callable[[tuple[int, ...]], tuple[list[object], np.ndarray]]] = {
    "numpy.random.normal": lambda size: ([0, 1, size], np.random.normal(0, 1, size)),
    "numpy.random.uniform": lambda size: ([-1, 1, size], np.random.uniform(-1, 1, size)),
    "numpy.random.randint": lambda size: ([0, 5, size], np.random.randint(0, 5, size)),
    "numpy.zeros": lambda size: ([size], np.zeros(size)),
    "numpy.ones": lambda size: ([size], np.ones(size)),
    "numpy.random.randn": lambda size: (list(size), np.random.randn(*size)),
    "numpy.random.rand": lambda size: (list(size), np.random.rand(*size)),
}


def _torch(qualname: str) -> Callable[..., torch.Tensor]:
    return getattr(torch, qualname.removeprefix("torch."))


@settings(max_examples=examples(200))
@given(name=st.sampled_from(sorted(_NUMPY)), size=_sizes)
def test_numpy_draws_have_numpy_shapes(name: str, size: tuple[int, ...]) -> None:
    args, real = _NUMPY[name](size)
    ours = call(name, args, {}, None)  # type: ignore[arg-type]
    assert isinstance(ours, Array) and ours.shape.dims == real.shape


@settings(max_examples=examples(200))
@given(
    converter=st.sampled_from(["torch.from_numpy", "torch.tensor", "torch.as_tensor", "torch.Tensor", "torch.FloatTensor"]),
    size=_sizes,
)
def test_converted_arrays_keep_their_shape(converter: str, size: tuple[int, ...]) -> None:
    array = call("numpy.zeros", [size], {}, None)  # type: ignore[arg-type]
    ours = call(converter, [array], {}, None)  # type: ignore[arg-type]
    real = _torch(converter)(np.zeros(size, dtype=np.float32))
    assert isinstance(ours, Tensor) and ours.shape.dims == tuple(real.shape)


@settings(max_examples=examples(100))
@given(size=_sizes, typed=st.sampled_from(["torch.FloatTensor", "torch.LongTensor", "torch.Tensor"]))
def test_typed_constructors_given_sizes_make_that_shape(size: tuple[int, ...], typed: str) -> None:
    ours = call(typed, list(size), {}, None)  # type: ignore[arg-type]
    assert isinstance(ours, Tensor) and ours.shape.dims == tuple(_torch(typed)(*size).shape)


def test_data_and_scalars_are_not_sizes() -> None:
    assert call("torch.FloatTensor", [[1.0, 2.0]], {}, None) is UNKNOWN  # type: ignore[arg-type]
    assert call("torch.tensor", [3], {}, None) is UNKNOWN  # type: ignore[arg-type]
    assert call("numpy.random.normal", [0, 1], {}, None) is UNKNOWN  # type: ignore[arg-type]


def test_a_layer_given_an_array_is_not_checked() -> None:
    source = """
import numpy as np
import torch.nn as nn
layer = nn.Linear(3, 4)
layer(np.random.randn(2, 5))
"""
    assert lint_source(source) == []


def test_an_undecided_choice_between_two_different_types_stays_unknown() -> None:
    source = """
import numpy as np
import torch
import torch.nn as nn
cuda = torch.cuda.is_available()
Tensor = torch.cuda.LongTensor if cuda else torch.FloatTensor
nn.Linear(3, 4)(Tensor(np.zeros((2, 5))))
"""
    assert lint_source(source) == []
