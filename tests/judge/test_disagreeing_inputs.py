"""No fix is made from an input that two sources give differently (SHP101): the fix would follow whichever ran."""

from __future__ import annotations

import pytest
import torch

from shapelint.fix import fix_source
from shapelint.lint import lint_source

DISAGREEING = """\
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, 32, 32)
    nn.Conv2d(3, 8, 3),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(8 * 14 * 14, 4),
)


def check():
    model(torch.randn(2, 3, 2, 2))
"""
"""The declared 32x32 input reaches the Linear with 8 * 15 * 15 features; the call's 2x2 images stop at the
convolution, so only the declaration says what the Linear needs."""


@pytest.mark.parametrize("size", [32, 2])
def test_torch_refuses_the_model_on_either_input(size: int) -> None:
    namespace: dict[str, object] = {}
    exec(compile(DISAGREEING, "<disagreeing>", "exec"), namespace)
    with pytest.raises(RuntimeError):
        namespace["model"](torch.randn(2, 3, size, size))  # type: ignore[operator]


def test_the_findings_of_a_model_whose_inputs_disagree_get_no_fix() -> None:
    found = {d.code: d for d in lint_source(DISAGREEING)}
    assert {"SHP001", "SHP101"} <= set(found)
    assert found["SHP001"].fix is None
    assert fix_source(DISAGREEING, unsafe=True) == DISAGREEING
