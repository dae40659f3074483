"""Bodies written on their compound statement's line (``if out is None: out = c``, ``for _ in range(2): c *= 2``,
``while n: n -= 1``, ``with ctx: y = f()``, ``try: x = g()``, ``class C: size = 3``) run as the indented ones do.
They were skipped: ENet's ``BottleNeck`` kept ``out_channels=None`` and gave a false finding, and a size doubled in
such a loop gave a wrong fix.  Each program's values are checked against Python's."""

from __future__ import annotations

import libcst as cst
import pytest

from shapelint.evaluator import evaluate
from shapelint.lint import lint_source

PROGRAMS = [
    "c, out = 8, None\nif out is None: out = c\nr = out\n",
    "c = 8\nfor _ in range(2): c = c * 2\nr = c\n",
    "n = 3\nwhile n > 0: n -= 1\nr = n\n",
    "import contextlib\nwith contextlib.nullcontext(): y = 5\nr = y\n",
    "try: x = int('7')\nexcept ValueError: x = 0\nr = x\n",
    "class C: size = 3\nr = C.size\n",
    "x = 1\nif x > 5: x = 10\nelif x > 0: x = 20\nelse: x = 30\nr = x\n",
    "total = 0\nfor i in range(4):\n    if i % 2: continue\n    total += i\nr = total\n",
]


@pytest.mark.parametrize("source", PROGRAMS)
def test_one_line_bodies_run_as_python_runs_them(source: str) -> None:
    real: dict[str, object] = {}
    exec(compile(source, "<program>", "exec", dont_inherit=True), real)
    assert evaluate(cst.parse_module(source)).names["r"] == real["r"], source


_BOTTLENECK = """\
import torch
import torch.nn as nn


class BottleNeck(nn.Module):
    def __init__(self, in_channels, out_channels=None):
        super().__init__()
        if out_channels is None: out_channels = in_channels
        self.conv = nn.Conv2d(in_channels, out_channels, 1)
        self.bn = nn.BatchNorm2d(in_channels)

    def forward(self, x):
        return self.bn(self.conv(x) + x)


BottleNeck(64)(torch.randn(1, 64, 8, 8))
"""


def test_a_one_line_default_sizes_the_layer() -> None:
    torch = pytest.importorskip("torch", reason="the model runs under torch, which this run has not installed")
    with torch.no_grad():
        exec(compile(_BOTTLENECK, "<program>", "exec", dont_inherit=True), {})
    assert lint_source(_BOTTLENECK) == []
    buggy = _BOTTLENECK.replace("self.bn = nn.BatchNorm2d(in_channels)", "self.bn = nn.BatchNorm2d(32)")
    with pytest.raises(RuntimeError), torch.no_grad():
        exec(compile(buggy, "<program>", "exec", dont_inherit=True), {})
    assert [d.code for d in lint_source(buggy)] == ["SHP003"]
