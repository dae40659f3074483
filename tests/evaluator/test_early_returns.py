"""A ``return`` reached on a path that may not run (``if not self.training: return x``): the call gives what every
path that returns agrees on, against Python and torch in every world the unknowns allow.

The conditions on ``A`` and ``B`` come from the environment, which the evaluator cannot know.
"""

from __future__ import annotations

import itertools
import os
from unittest import mock

import libcst as cst
import pytest

from shapelint.dims import Symbol, is_int
from shapelint.evaluator import Tensor, evaluate
from tests.evaluator.worlds import PRELUDE, assert_decided_in_every_world, decided

PROGRAMS = {
    "same-value-on-both-paths": """
def width(flag):
    if flag:
        return 3
    return 3

w = width(a)
""",
    "different-values": """
def width(flag):
    if flag:
        return 3
    return 4

w = width(a)
""",
    "returns-only-on-a-path-then-raises": """
def width(flag):
    if flag:
        return 5
    raise ValueError

try:
    w = width(a)
except ValueError:
    w = 5
""",
    "return-in-a-loop": """
def first(flag):
    for i in range(3):
        if flag:
            return 7
    return 7

w = first(b)
""",
    "returns-on-both-paths-of-an-else": """
def width(flag, other):
    if flag:
        return 8
    elif other:
        return 8
    else:
        return 8

w = width(a, b)
""",
    "returns-or-raises-on-every-path": """
def width(flag):
    if flag:
        return 6
    else:
        raise ValueError

try:
    w = width(a)
except ValueError:
    w = 6
""",
    "falls-off-the-end": """
def maybe(flag):
    if flag:
        return 2

w = maybe(a)
""",
}


@pytest.mark.parametrize("name", PROGRAMS)
def test_decided_names_hold_in_every_world(name: str) -> None:
    assert_decided_in_every_world(name, PRELUDE + PROGRAMS[name])


@pytest.mark.parametrize(
    "name", ["same-value-on-both-paths", "return-in-a-loop", "returns-on-both-paths-of-an-else"]
)
def test_a_value_every_returning_path_gives_is_known(name: str) -> None:
    assert "w" in decided(PRELUDE + PROGRAMS[name])


TENSOR_PROGRAMS = {
    "stochastic-depth": """
import torch

def drop_path(x, p, training):
    if not training or p == 0.0:
        return x
    size = [x.shape[0]] + [1] * (x.ndim - 1)
    noise = torch.empty(size, dtype=x.dtype).bernoulli_(1 - p)
    return x * noise.div_(1 - p)

y = drop_path(torch.randn(2, 24, 7, 7), 0.1, a)
""",
    "sizes-differ-by-path": """
import torch

def head(x, pooled):
    if pooled:
        return x.mean(-1)
    return x[..., 0]

y = head(torch.randn(4, 6, 5), a)
z = head(torch.randn(4, 6, 5), b).unsqueeze(1) if a else torch.zeros(4, 1, 6)
""",
    "moved-on-either-path": """
import torch

def to_device(x, flag):
    if flag:
        return x.float()
    else:
        return x

y = to_device(torch.randn(2, 3), a)
""",
    "ranks-differ-by-path": """
import torch

def squeeze_maybe(x, flag):
    if flag:
        return x.flatten(1)
    return x

y = squeeze_maybe(torch.randn(3, 2, 2), a)
""",
}


@pytest.mark.parametrize("name", TENSOR_PROGRAMS)
def test_known_sizes_of_a_returned_tensor_hold_in_every_world(name: str) -> None:
    """Each dimension the evaluator knows of a tensor it bound is torch's in every world."""
    torch = pytest.importorskip("torch", reason="the programs run under torch, which this run has not installed")
    source = PRELUDE + TENSOR_PROGRAMS[name]
    tensors = {key: value for key, value in evaluate(cst.parse_module(source)).names.items() if isinstance(value, Tensor)}
    assert tensors, "the evaluator binds the returned tensor"
    for world in itertools.product("01", repeat=2):
        namespace: dict[str, object] = {}
        with mock.patch.dict(os.environ, {"A": world[0], "B": world[1]}):
            exec(compile(source, name, "exec", dont_inherit=True), namespace)
        for key, ours in tensors.items():
            real = namespace[key]
            assert isinstance(real, torch.Tensor)
            if ours.shape.open:
                continue
            assert len(ours.shape.dims) == real.dim(), (world, key)
            for mine, theirs in zip(ours.shape.dims, real.shape):
                assert not is_int(mine) or isinstance(mine, Symbol) or mine == theirs, (world, key, ours.shape)


@pytest.mark.parametrize(("name", "dims"), [("stochastic-depth", (2, 24, 7, 7)), ("moved-on-either-path", (2, 3))])
def test_a_tensor_every_returning_path_gives_keeps_its_shape(name: str, dims: tuple[int, ...]) -> None:
    """``if cuda: return x.cuda()`` / ``else: return x``: nothing runs after the ``if``, so nothing else is given."""
    y = evaluate(cst.parse_module(PRELUDE + TENSOR_PROGRAMS[name])).names["y"]
    assert isinstance(y, Tensor) and y.shape.dims == dims
