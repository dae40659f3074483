"""Max pooling with ``return_indices=True`` returns the values and their indices (SegNet's encoder): read as one
tensor, ``x, idx = F.max_pool2d(...)`` unpacked it along a batch of 2 and gave a false finding on the next layer.
The pair is not followed (what comes after it is unknown); the pooling's own checks still run."""

from __future__ import annotations

import pytest

from shapelint.lint import lint_source

torch = pytest.importorskip("torch", reason="the programs run under torch, which this run has not installed")

_TEMPLATE = """\
import torch
import torch.nn as nn
import torch.nn.functional as F


class Down(nn.Module):
    def __init__(self):
        super().__init__()
        self.pool = nn.MaxPool2d(2, 2, return_indices=True)
        self.conv = nn.Sequential(nn.Conv2d(64, 128, 3, padding=1), nn.BatchNorm2d(128))

    def forward(self, x):
        x, indices = {pooled}
        return self.conv(x), indices


Down()(torch.randn(2, 64, 16, 16))
"""
POOLS = [
    "F.max_pool2d(x, kernel_size=2, stride=2, return_indices=True)",
    "F.max_pool2d(x, 2, 2, 0, 1, False, True)",
    "self.pool(x)",
    "F.adaptive_max_pool2d(x, 8, return_indices=True)",
]


@pytest.mark.parametrize("pooled", POOLS)
def test_a_pool_returning_indices_gives_no_false_finding(pooled: str) -> None:
    source = _TEMPLATE.replace("{pooled}", pooled)
    with torch.no_grad():
        exec(compile(source, "<program>", "exec", dont_inherit=True), {})
    assert lint_source(source) == []


def test_the_pooling_checks_still_run() -> None:
    source = _TEMPLATE.replace("{pooled}", "F.max_pool2d(x, kernel_size=32, return_indices=True)")
    with pytest.raises(RuntimeError), torch.no_grad():
        exec(compile(source, "<program>", "exec", dont_inherit=True), {})
    assert [d.code for d in lint_source(source)] == ["SHP004"]
