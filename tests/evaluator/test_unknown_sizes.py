"""A lone unknown argument to ``view``, ``reshape``, ``permute``, ``expand`` or ``repeat`` may be one size or a whole
sequence of them, so the result's rank is unknown: taking it for one size gave a 1-D tensor and a false finding on
the ``permute`` after ``x.view(x.size() + (-1,))`` (a PixelCNN's embedding, ritheshkumar95/pytorch-vqvae)."""

from __future__ import annotations

import libcst as cst
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.catalog.tensor_ops import METHODS
from shapelint.dims import UNKNOWN, Shape
from shapelint.evaluator import evaluate
from shapelint.evaluator.values import Array, Tensor
from shapelint.lint import lint_source
from tests.budget import examples

pytestmark = pytest.mark.sampled


_SEQUENCES = {
    "view": list,
    "reshape": list,
    "expand": list,
    "permute": lambda dims: list(range(len(dims))),
    "repeat": lambda dims: [1] * len(dims),
}


@settings(max_examples=examples(200))
@given(method=st.sampled_from(sorted(_SEQUENCES)), dims=st.lists(st.integers(1, 4), min_size=1, max_size=4).map(tuple))
def test_a_lone_unknown_argument_leaves_the_rank_unknown(method: str, dims: tuple[int, ...]) -> None:
    """torch takes one sequence for that argument, giving as many dimensions as it holds, not one."""
    real = getattr(torch.zeros(dims), method)(_SEQUENCES[method](dims))
    assert real.dim() == len(dims)
    assert METHODS[method](Shape(dims), [UNKNOWN], {}).open


_PIXEL_CNN = """\
import torch
import torch.nn as nn


class PixelEmbedding(nn.Module):
    def __init__(self, codes=16, dim=8):
        super().__init__()
        self.embedding = nn.Embedding(codes, dim)
        self.conv = nn.Conv2d(dim, 4, 3, padding=1)

    def forward(self, x):
        shp = x.size() + (-1, )
        x = self.embedding(x.view(-1)).view(shp)
        x = x.permute(0, 3, 1, 2)
        return self.conv(x)
"""


def test_a_view_to_a_computed_size_is_not_a_false_finding() -> None:
    namespace: dict[str, object] = {}
    exec(_PIXEL_CNN, namespace)
    namespace["PixelEmbedding"]()(torch.randint(0, 16, (2, 5, 5)))  # type: ignore[operator]
    assert lint_source(_PIXEL_CNN) == []


@settings(max_examples=examples(100))
@given(
    dims=st.lists(st.integers(1, 4), min_size=1, max_size=4).map(tuple),
    hidden=st.integers(0, 3),
    call=st.sampled_from(["torch.zeros(({}))", "torch.ones([{}])", "np.zeros(({}))", "torch.randn(size=({}))"]),
)
def test_a_sequence_of_sizes_keeps_its_known_ones(dims: tuple[int, ...], hidden: int, call: str) -> None:
    """``torch.zeros((2, n, 100))`` with ``n`` not known is ``(2, ?, 100)``, as ``torch.zeros(2, n, 100)`` is: each
    item of a sequence of known length is one dimension; torch and numpy agree on the others."""
    hidden %= len(dims)
    written = ", ".join("n" if at == hidden else str(size) for at, size in enumerate(dims))
    source = f"import sys\nimport numpy as np\nimport torch\nn = len(sys.argv) * {dims[hidden]}\nr = {call.format(written + ',')}\n"
    real: dict[str, object] = {}
    exec(source.replace("len(sys.argv)", "1"), real)
    ours = evaluate(cst.parse_module(source)).names["r"]
    assert isinstance(ours, (Tensor, Array)) and not ours.shape.open
    expected = tuple(real["r"].shape)  # type: ignore[attr-defined]
    assert ours.shape.dims == tuple(UNKNOWN if at == hidden else size for at, size in enumerate(expected))


def test_a_lone_unknown_size_may_be_a_whole_shape() -> None:
    """``torch.zeros(shape)``: one size, or a sequence of them."""
    ours = evaluate(cst.parse_module("import sys, torch\nr = torch.zeros(sys.argv)\n")).names["r"]
    assert ours is UNKNOWN
