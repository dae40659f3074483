"""A repair that torch would refuse to build is not offered: 66 features cannot split into 4 attention heads."""

from __future__ import annotations

import pytest

from shapelint.lint import lint_source

SOURCE = """\
import torch
import torch.nn as nn


class Block(nn.Module):  # shapelint: input=(B, 10, 66)
    def __init__(self):
        super().__init__()
        self.attn = nn.MultiheadAttention(64, 4, batch_first=True)
        self.norm = nn.GroupNorm(4, 64)

    def forward(self, x):
        return self.attn(x, x, x)[0]


class Features(nn.Module):  # shapelint: input=(B, 66, 8)
    def __init__(self):
        super().__init__()
        self.norm = nn.GroupNorm(4, 64)

    def forward(self, x):
        return self.norm(x)
"""


def test_the_models_fail_under_torch() -> None:
    import torch
    namespace: dict[str, object] = {}
    exec(SOURCE, namespace)
    for name, shape in (("Block", (2, 10, 66)), ("Features", (2, 66, 8))):
        with pytest.raises((AssertionError, RuntimeError)):
            namespace[name]()(torch.zeros(*shape))


def test_findings_without_fixes() -> None:
    found = lint_source(SOURCE)
    assert [(d.line, d.code, d.expected, d.fix) for d in found] == [(8, "SHP001", 66, None), (18, "SHP003", 66, None)]
