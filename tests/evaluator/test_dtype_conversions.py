"""A tensor's kind of dtype after a conversion or arithmetic, as torch gives it: ``x.to(torch.long)`` is an integer
tensor, ``torch.randint(...) / 255.0`` a float one, ``x.to(device)`` what ``x`` was.  Kept as it was, a converted
tensor was judged by its old kind (an Embedding fed ``(x * 15).to(torch.long)`` reported as fed floats)."""

from __future__ import annotations

import libcst as cst
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.evaluator import evaluate
from shapelint.evaluator.values import Tensor
from shapelint.lint import lint_source
from tests.budget import examples

pytestmark = pytest.mark.sampled
_MAKERS = {"float": "torch.rand(2, 3)", "int": "torch.randint(0, 5, (2, 3))", "bool": "torch.rand(2, 3) > 0.5"}
_OPERANDS = ["2", "2.5", "True", "y", "z"]
_OPERATORS = ["+", "-", "*", "/", "//", "%", "**"]
_CONVERSIONS = [
    ".to(torch.long)", ".to(torch.float32)", ".to(torch.float64)", ".to(torch.int32)", ".to(torch.uint8)",
    ".to(y)", ".to(z)", ".to('cpu')", ".to(device)", ".to(device=device)", ".to(dtype=torch.long)",
    ".to(device, torch.long)", ".long()", ".float()", ".to(torch.bool)", ".to(torch.complex64)",
]  # fmt: skip


def _kind(tensor: torch.Tensor) -> str | None:
    if tensor.is_complex():
        return "complex"
    return "float" if tensor.is_floating_point() else "int"


def _ours(source: str) -> str | None:
    value = evaluate(cst.parse_module(source)).names["r"]
    assert isinstance(value, Tensor), source
    return value.shape.dtype


def _program(kind: str, expression: str) -> str:
    return (
        f"import torch\ndevice = torch.device('cpu')\nx = {_MAKERS[kind]}\ny = torch.rand(2, 3)\n"
        f"z = torch.randint(0, 5, (2, 3))\nr = {expression}\n"
    )


def _agrees(source: str) -> None:
    real: dict[str, object] = {}
    try:
        exec(source, real)
    except RuntimeError:  # an operation torch refuses for that kind (``-`` on bools)
        return
    tensor = real["r"]
    assert isinstance(tensor, torch.Tensor)
    ours = _ours(source)
    assert ours is None or ours == _kind(tensor), source


@settings(max_examples=examples(200))
@given(kind=st.sampled_from(sorted(_MAKERS)), operator=st.sampled_from(_OPERATORS), operand=st.sampled_from(_OPERANDS))
def test_arithmetic_gives_the_kind_torch_promotes_to(kind: str, operator: str, operand: str) -> None:
    _agrees(_program(kind, f"x {operator} {operand}"))
    _agrees(_program(kind, f"{operand} {operator} x"))


@pytest.mark.parametrize("kind", sorted(_MAKERS))
@pytest.mark.parametrize("conversion", _CONVERSIONS)
def test_conversions_give_the_kind_torch_gives(kind: str, conversion: str) -> None:
    _agrees(_program(kind, f"x{conversion}"))


def test_the_commonest_conversions_are_known() -> None:
    assert _ours(_program("float", "x.to(torch.long)")) == "int"
    assert _ours(_program("int", "x / 255.0")) == "float"
    assert _ours(_program("int", "torch.div(x, 2)")) == "float"
    assert _ours(_program("int", "torch.div(x, 2, rounding_mode='floor')")) == "int"
    assert _ours(_program("int", "x.to(device)")) == "int"  # a device keeps the kind


def test_an_unknown_argument_not_written_as_a_device_may_be_a_dtype() -> None:
    source = "import torch\nx = torch.randint(0, 5, (2, 3))\ndef f(kind):\n    return x.to(kind)\nr = f(unknown)\n"
    assert _ours(source) is None


_CONVERTED_INDICES = """
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(16, 8)
        self.rnn = nn.GRU(8, 4, batch_first=True)

    def forward(self, x, pixels):
        out, _ = self.rnn(pixels / 255.0)
        return self.emb((x * 15).to(torch.long)), out


net = Net()
net(torch.rand(4, 5), torch.randint(0, 256, (4, 10, 8)))
"""


def test_converted_tensors_are_judged_by_their_new_kind() -> None:
    exec(_CONVERTED_INDICES, {})  # torch runs it
    assert lint_source(_CONVERTED_INDICES) == []
    unconverted = _CONVERTED_INDICES.replace("(x * 15).to(torch.long)", "x * 15")
    with pytest.raises(RuntimeError):
        exec(unconverted, {})
    assert [d.code for d in lint_source(unconverted)] == ["SHP006"]
