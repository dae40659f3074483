"""The injector finds exactly the literal input-size arguments of torch layers and changes nothing else."""

from __future__ import annotations

import difflib

import libcst as cst

from tests.mutation.inject import literal_int, mutants, wrong_value

SOURCE = """\
import torch
import torch.nn as nn
from torch.nn import Conv2d as C, GroupNorm
from torch import nn as tnn


class Linear:  # a project class, not torch's
    def __init__(self, a, b): ...


width = 8
model = nn.Sequential(
    C(3, 8, 3),
    GroupNorm(2, 8),
    tnn.BatchNorm2d(num_features=(4 * 2)),
    torch.nn.Flatten(),
    nn.Linear(in_features=8 * 6 * 6, out_features=width),
    nn.Linear(width, 2),
    Linear(5, 6),
    nn.LayerNorm(2),
)\r
"""


def _changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(True), after.splitlines(True)) if line[:1] in "+-"]


def test_every_literal_site_of_a_torch_layer() -> None:
    found = [(m.layer, m.code, m.line, m.original) for m in mutants(SOURCE)]
    assert found == [
        ("Conv2d", "SHP002", 13, "3"),
        ("GroupNorm", "SHP003", 14, "8"),
        ("BatchNorm2d", "SHP003", 15, "4 * 2"),
        ("Linear", "SHP001", 17, "8 * 6 * 6"),
        ("LayerNorm", "SHP003", 20, "2"),
    ]


def test_expression_sites_are_doubled() -> None:
    found = [(m.layer, m.line, m.original, m.replacement) for m in mutants(SOURCE, expressions=True)]
    assert found == [("Linear", 18, "width", "width * 2")]
    layers = "nn.Conv2d(a + b, 4, 3), nn.Linear(cfg['h'], 2), nn.Linear(f(a) + 1, 1)"
    source = f"import torch.nn as nn\nm = [{layers}]"
    replacements = [m.replacement for m in mutants(source, expressions=True)]
    assert replacements == ["(a + b) * 2", "cfg['h'] * 2", "(f(a) + 1) * 2"]


def test_only_the_value_changes() -> None:
    for mutant in mutants(SOURCE):
        changed = _changed_lines(SOURCE, mutant.source)
        assert len(changed) == 2, changed
        assert mutant.source.endswith(")\r\n")
        before, after = SOURCE.splitlines()[mutant.line - 1], mutant.source.splitlines()[mutant.line - 1]
        assert before != after and mutant.replacement in after
        cst.parse_module(mutant.source)


def test_parentheses_and_keywords_survive() -> None:
    batchnorm = next(m for m in mutants(SOURCE) if m.layer == "BatchNorm2d")
    assert f"num_features=({batchnorm.replacement})" in batchnorm.source


def test_group_norm_keeps_divisibility() -> None:
    groupnorm = next(m for m in mutants(SOURCE) if m.layer == "GroupNorm")
    assert groupnorm.replacement == "16"


def test_wrong_value_always_differs() -> None:
    for value in range(1, 50):
        for ordinal in range(6):
            assert wrong_value(value, ordinal, ordinal % 2 == 0) not in (value, 0)


def test_literal_arithmetic() -> None:
    assert literal_int(cst.parse_expression("16 * 5 * 5")) == 400
    assert literal_int(cst.parse_expression("(2 ** 3) + 0x10 - 1_0")) == 14
    assert literal_int(cst.parse_expression("8 // 2")) == 4
    assert literal_int(cst.parse_expression("width * 2")) is None
