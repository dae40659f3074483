"""The dtype a tensor factory makes is torch's, or unknown: never a guess.

A dtype decides two checks (an Embedding needs integer indices, a recurrent layer a float input), so a wrong one is a
false finding: ``torch.Tensor([[1, 0]])`` of integers is float, ``torch.full(size, 0, dtype=torch.long)`` is int.
"""

from __future__ import annotations

import libcst as cst
import pytest
import torch

from shapelint.evaluator import evaluate
from shapelint.evaluator.values import Tensor
from shapelint.lint import lint_source

pytestmark = pytest.mark.sampled

_FACTORIES = [
    "torch.zeros(2, 3{dtype})",
    "torch.ones((2, 3){dtype})",
    "torch.empty(2, 3{dtype})",
    "torch.randn(2, 3{dtype})",
    "torch.rand(2, 3{dtype})",
    "torch.randint(0, 5, (2, 3){dtype})",
    "torch.eye(3{dtype})",
    "torch.arange(6{dtype})",
    "torch.full((2, 3), 0{dtype})",
    "torch.full((2, 3), 1.5{dtype})",
    "torch.full((2, 3), True{dtype})",
    "torch.full((2, 3), fill_value=7{dtype})",
]
_DTYPES = [
    "",
    ", dtype=None",
    ", dtype=torch.long",
    ", dtype=torch.int32",
    ", dtype=torch.uint8",
    ", dtype=torch.float64",
    ", dtype=torch.float16",
    ", dtype=torch.bfloat16",
    ", dtype=torch.bool",
    ", dtype=index.dtype",
    ", dtype=weights.dtype",
]
_PRELUDE = "import torch\nindex = torch.zeros(1, dtype=torch.long)\nweights = torch.zeros(1)\n"


@pytest.mark.parametrize("dtype", _DTYPES)
@pytest.mark.parametrize("factory", _FACTORIES)
def test_a_factory_makes_torchs_dtype_or_an_unknown_one(factory: str, dtype: str) -> None:
    source = f"{_PRELUDE}x = {factory.format(dtype=dtype)}\n"
    real: dict[str, object] = {}
    try:
        exec(source, real)
    except RuntimeError:  # torch refuses the combination (a float fill for an integer dtype and the like)
        return
    tensor = real["x"]
    assert isinstance(tensor, torch.Tensor)
    ours = evaluate(cst.parse_module(source)).names["x"]
    assert isinstance(ours, Tensor) and ours.shape.dims == tuple(tensor.shape)
    if ours.shape.dtype == "int":
        assert not tensor.is_floating_point() and tensor.dtype != torch.bool, source
    elif ours.shape.dtype == "float":
        assert tensor.is_floating_point(), source


@pytest.mark.parametrize(
    "data", ["[[1, 0, 0], [0, 1, 0]]", "[1, 2, 3]", "[[0.5, 1], [2, 3]]", "np.zeros((2, 3), dtype=np.int64)"]
)
def test_the_legacy_tensor_constructor_makes_floats_from_any_data(data: str) -> None:
    source = f"import numpy as np\nimport torch\nx = torch.Tensor({data})\n"
    real: dict[str, object] = {}
    exec(source, real)
    tensor = real["x"]
    assert isinstance(tensor, torch.Tensor) and tensor.dtype == torch.float32
    ours = evaluate(cst.parse_module(source)).names["x"]
    assert isinstance(ours, Tensor) and ours.shape.dims == tuple(tensor.shape) and ours.shape.dtype == "float"


_ONE_HOT_RNN = """\
import torch
import torch.nn as nn

h, e, l, o = [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]
cell = nn.RNN(input_size=4, hidden_size=2, batch_first=True)
inputs = torch.Tensor([[h, e, l, l, o]])
out, hidden = cell(inputs)
"""
_FULL_INDICES = """\
import torch
import torch.nn as nn

embed = nn.Embedding(50, 8)
blank = torch.full((5, 100), 0, dtype=torch.long)
for step in range(2, 4):
    out = embed(blank[:, :step])
filled = embed(torch.full((2, 3), 7))
like = embed(torch.zeros(2, 3, dtype=blank.dtype))
"""
_FLOAT_FULL_INDICES = """\
import torch
import torch.nn as nn

embed = nn.Embedding(50, 8)
out = embed(torch.full((2, 3), 0.0))
"""
_LEGACY_INDICES = """\
import torch
import torch.nn as nn

embed = nn.Embedding(50, 8)
out = embed(torch.Tensor([[1, 2, 3]]))
"""


@pytest.mark.parametrize(
    ("source", "bug"),
    [(_ONE_HOT_RNN, None), (_FULL_INDICES, None), (_FLOAT_FULL_INDICES, "SHP006"), (_LEGACY_INDICES, "SHP006")],
    ids=["one-hot-rnn", "integer-full-indices", "float-full-indices", "legacy-float-indices"],
)
def test_dtypes_judged_as_torch_runs_them(source: str, bug: str | None) -> None:
    found = [d.code for d in lint_source(source)]
    if bug is None:
        exec(source, {})
        assert found == []
    else:
        with pytest.raises(RuntimeError, match="indices"):
            exec(source, {})
        assert found == [bug]
