"""Crashes the fuzzing found in the analysis, kept as regression tests.

Each model is run under torch first: torch rejects it, at construction or
on the first call, so the linter must report it, and never raise.
"""

from __future__ import annotations

import pytest
import torch

from shapelint.lint import lint_source

UPSAMPLE = """import torch
from torch import nn
m = nn.Sequential(  # shapelint: input=(B, 3, 8, 8)
    nn.Upsample(scale_factor={}),
    nn.Conv2d(3, 8, 3),
)
"""


@pytest.mark.parametrize("scale", ["1e400", "-1e400", "float('nan')", "(2.0, float('inf'))", "10**400", "1e300"])
def test_a_non_finite_or_huge_scale_factor_is_a_finding_not_a_crash(scale: str) -> None:
    source = UPSAMPLE.format(scale)
    namespace: dict[str, object] = {}
    with pytest.raises((RuntimeError, ValueError, OverflowError)):
        exec(compile(source, "<model>", "exec"), namespace)
        namespace["m"](torch.zeros(1, 3, 8, 8))  # type: ignore[operator]
    findings = lint_source(source)
    assert [finding.code for finding in findings] == ["SHP006"], findings
    assert "Upsample scale_factor=" in findings[0].message


DOUBLING = """import torch.nn as nn
x = {start}
for _ in range(64):
    {double}
x += x
model = nn.Sequential(nn.Linear(4, 8), nn.Linear(9, 2))
"""


@pytest.mark.parametrize(
    ("start", "double"),
    [
        ("[nn.ReLU()]", "x = x + x"),
        ("(1,)", "x = x + x"),
        ("'a'", "x = x + x"),
        ("[1]", "x.extend(x)"),
        ("[1]", "x += x"),
        ("[1]", "x = [*x, *x]"),
        ("{1: 2}", "x = {**x, **x}"),
        ("(1,)", "x = (x, x)"),
        ("[1]", "x = [x, x]"),
        ("(1,)", "x = (x, x, x, x, x, x, x, x)"),
    ],
)
def test_a_sequence_doubled_in_a_loop_stays_bounded(start: str, double: str) -> None:
    """Found by the mutated-model fuzz in CI: concatenation had no length cap, so 64 doublings ran out of memory.

    Nesting a value in itself (``x = (x, x)``) stays small in memory but doubles every walk over it, so it hung.

    Python itself would run out of memory on this program, so torch runs its model line alone; the linter gives up
    on the doubled value and goes on to the model.
    """
    source = DOUBLING.format(start=start, double=double)
    namespace: dict[str, object] = {}
    exec(compile("import torch.nn as nn\n" + source.splitlines()[-1], "<model>", "exec"), namespace)
    with pytest.raises(RuntimeError):
        namespace["model"](torch.zeros(1, 4))  # type: ignore[operator]
    assert [(finding.line, finding.code) for finding in lint_source(source)] == [(6, "SHP001")]
