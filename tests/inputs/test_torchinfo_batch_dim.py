"""``torchinfo.summary(model, input_size=..., batch_dim=k)`` gives the size without its batch, which torchinfo adds
(of one) at ``k``: the linter's verdict on each model is torchinfo's."""

from __future__ import annotations

import math

import pytest
import torchinfo
from torch import nn

from shapelint.lint import lint_source

CASES = [((7, 5), 0), ((3, 4, 5), 0), ((3, 4), 1), ((6,), 0), ((2, 3), None), ((4, 2, 3), None)]


def _model_source(features: int, size: tuple[int, ...], batch_dim: int | None) -> str:
    return (
        "import torch.nn as nn\nfrom torchinfo import summary\n\n"
        f"net = nn.Sequential(nn.Flatten(), nn.Linear({features}, 2))\n"
        f"summary(net, input_size={size!r}, batch_dim={batch_dim!r}, verbose=0)\n"
    )


@pytest.mark.parametrize(("size", "batch_dim"), CASES)
@pytest.mark.parametrize("guess", ["all", "after_first"])
def test_the_verdict_is_torchinfos(size: tuple[int, ...], batch_dim: int | None, guess: str) -> None:
    features = math.prod(size) if guess == "all" else math.prod(size[1:])
    net = nn.Sequential(nn.Flatten(), nn.Linear(features, 2))
    try:
        torchinfo.summary(net, input_size=size, batch_dim=batch_dim, verbose=0)
        runs = True
    except RuntimeError:
        runs = False
    assert (lint_source(_model_source(features, size, batch_dim)) == []) == runs
