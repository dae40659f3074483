"""A lone unknown argument to ``view``, ``reshape``, ``permute``, ``expand`` or ``repeat`` may be one size or a whole
sequence of them, so the result's rank is unknown: taking it for one size gave a 1-D tensor and a false finding on
the ``permute`` after ``x.view(x.size() + (-1,))`` (a PixelCNN's embedding, ritheshkumar95/pytorch-vqvae)."""

from __future__ import annotations

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.catalog.tensor_ops import METHODS
from shapelint.dims import UNKNOWN, Shape
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
