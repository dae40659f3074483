"""``F.pad`` in ``forward`` goes through the padding layers' rule: what it crops to 0 stays silent, as in torch."""

from __future__ import annotations

import textwrap

import pytest
import torch

from shapelint.lint import lint_source

MODEL = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Crop(nn.Module):  # shapelint: input=(B, 3, 4)
    def __init__(self):
        super().__init__()
        self.pad = nn.ConstantPad1d((-2, -2), 0.0)
        self.fc = nn.Linear({features}, 5)

    def forward(self, x):
        return self.fc({crop})


model = Crop()
"""


def _lint_and_run(crop: str, features: int) -> tuple[list[str], BaseException | None]:
    """The linter's codes, and what torch raises running the model on a (2, 3, 4) input."""
    source = textwrap.dedent(MODEL.format(crop=crop, features=features))
    namespace: dict[str, object] = {}
    exec(compile(source, "<model>", "exec"), namespace)
    try:
        with torch.no_grad():
            namespace["model"](torch.randn(2, 3, 4))  # type: ignore[operator]
        error = None
    except RuntimeError as raised:
        error = raised
    return [d.code for d in lint_source(source)], error


@pytest.mark.filterwarnings("ignore:Initializing zero-element tensors is a no-op")
@pytest.mark.parametrize("crop", ["F.pad(x, (-2, -2))", "self.pad(x)"])
def test_cropping_a_size_4_dimension_to_0_is_no_finding(crop: str) -> None:
    assert _lint_and_run(crop, features=0) == ([], None)


@pytest.mark.parametrize("crop", ["F.pad(x, (-2, -2))", "self.pad(x)"])
def test_the_size_0_reaches_the_next_layer(crop: str) -> None:
    codes, error = _lint_and_run(crop, features=4)
    assert codes == ["SHP001"]
    assert error is not None
