"""Crashes the fuzzing found in the analysis, kept as reproducers until the analysis is fixed.

Each is ``xfail(strict=True)``: the day the fix lands the test passes, strict
makes that a failure, and the marker must go.
"""

from __future__ import annotations

import pytest

from shapelint.lint import lint_source

UPSAMPLE = """import torch
from torch import nn
m = nn.Sequential(  # shapelint: input=(B, 3, 8, 8)
    nn.Upsample(scale_factor={}),
    nn.Conv2d(4, 8, 3),
)
"""


@pytest.mark.xfail(
    strict=True, raises=(OverflowError, ValueError), reason="catalog upsample: int() of an infinite or NaN size"
)
@pytest.mark.parametrize("scale", ["1e400", "-1e400"])
def test_an_infinite_scale_factor_is_a_finding_not_a_crash(scale: str) -> None:
    lint_source(UPSAMPLE.format(scale))
