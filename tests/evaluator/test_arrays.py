"""Arrays drawn with numpy and the tensors made from them have the shapes numpy and torch give them."""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst
import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.dims import UNKNOWN
from shapelint.evaluator import evaluate
from shapelint.evaluator.arrays import call, data_shape, index
from shapelint.evaluator.values import Array, ListValue, Tensor
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


def test_data_is_not_a_size_and_a_draw_without_size_is_unknown() -> None:
    for qualname, data in (("torch.FloatTensor", [1.0, 2.0]), ("torch.tensor", 3), ("torch.LongTensor", [[1], [2]])):
        ours = call(qualname, [_tracked(data)], {}, None)  # type: ignore[arg-type]
        assert isinstance(ours, Tensor) and ours.shape.dims == tuple(_torch(qualname)(data).shape)
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


def _nested(depth: int) -> st.SearchStrategy[object]:
    if depth == 0:
        return st.integers(0, 9) | st.floats(0, 1)
    return st.lists(_nested(depth - 1), min_size=1, max_size=3)


@settings(max_examples=examples(300))
@given(data=st.integers(0, 3).flatmap(_nested))
def test_nested_data_has_the_shape_torch_gives_it(data: object) -> None:
    ours = data_shape(_tracked(data))
    try:
        real = torch.tensor(data)
    except (ValueError, TypeError):
        assert ours is None
        return
    assert ours is not None and ours.dims == tuple(real.shape)


def _tracked(data: object) -> object:
    """Lists as the evaluator holds them."""
    return ListValue([_tracked(item) for item in data]) if isinstance(data, list) else data


@settings(max_examples=examples(200))
@given(size=st.integers(1, 6), rows=st.lists(st.integers(-8, 8), max_size=4) | st.integers(-8, 8))
def test_rows_of_an_identity_matrix(size: int, rows: list[int] | int) -> None:
    eye = call("numpy.eye", [size], {}, None)  # type: ignore[arg-type]
    assert isinstance(eye, Array)
    ours = index(eye, ListValue(list(rows)) if isinstance(rows, list) else rows)
    try:
        real = np.eye(size)[rows]
    except IndexError:
        assert ours is UNKNOWN
        return
    assert isinstance(ours, Array) and ours.shape.dims == real.shape


def test_vocabulary_built_from_strings_gives_its_size() -> None:
    source = """
import torch
import torch.nn as nn
sentences = ["i like dog", "i love coffee", "i hate milk"]
words = list(set(" ".join(sentences).split()))
vocabulary = {w: i for i, w in enumerate(words)}
nn.Linear(6, 2)(torch.zeros(1, len(vocabulary)))
"""
    (finding,) = lint_source(source)
    assert "receives 7 features" in finding.message


def test_strings_that_grow_past_the_length_limit_become_unknown() -> None:
    source = """
import torch
import torch.nn as nn
s = "a"
for i in range(40):
    s = s.replace("a", "aa")
nn.Linear(3, 4)(torch.zeros(1, len(s)))
"""
    assert lint_source(source) == []


@pytest.mark.parametrize("constructor", ["torch.FloatTensor", "torch.Tensor", "torch.LongTensor"])
@pytest.mark.parametrize("argument", ["x.shape", "x.size()", "(2, 8)"])
def test_a_legacy_constructor_given_a_tuple_is_not_taken_for_data(constructor: str, argument: str) -> None:
    """``torch.FloatTensor(x.shape)`` makes a tensor of that shape (a ``torch.Size`` is sizes), while a plain tuple is
    data: both are tuples to the evaluator, so neither is known (d2l's dropout mask was taken for 2 numbers)."""
    source = f"import torch\nx = torch.zeros(2, 8)\nr = {constructor}({argument})\n"
    real: dict[str, object] = {}
    exec(source, real)
    tensor = real["r"]
    assert isinstance(tensor, torch.Tensor)
    ours = evaluate(cst.parse_module(source)).names["r"]
    assert not isinstance(ours, Tensor) or ours.shape.open or ours.shape.dims == tuple(tensor.shape), source
