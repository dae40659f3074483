"""``model.summary()`` prints the table ``shapelint summary`` prints for the same model written in torch.

Both render through :func:`shapelint.table.format_table`; here the rows and totals are compared line by line (the
first line names the model: its variable in a file, its class at run time).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import shapelint.runtime as rt

from shapelint.frontends.summary import summarize
from shapelint.table import format_table

LENET = """\
import torch.nn as nn

lenet = nn.Sequential(  # shapelint: input=(B, 1, 28, 28)
    nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(6, 16, kernel_size=5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(400, 120), nn.ReLU(),
    nn.Linear(120, 84), nn.ReLU(),
    nn.Linear(84, 10),
)
"""
NESTED = """\
import torch.nn as nn

block = nn.Sequential(  # shapelint: input=(B, 3, 16, 16)
    nn.Conv2d(3, 8, 3, stride=2, bias=False),
    nn.BatchNorm2d(8),
    nn.Sequential(nn.Flatten(), nn.Linear(392, 10), nn.LayerNorm(10)),
)
"""
TOKENS = """\
import torch.nn as nn

classifier = nn.Sequential(  # shapelint: input=(B, 20) dtype=long
    nn.Embedding(100, 8),
    nn.Flatten(),
    nn.Linear(160, 4),
)
"""
CASES: dict[str, tuple[Callable[[], rt.Sequential], str]] = {
    "lenet": (
        lambda: rt.Sequential(
            rt.Conv2d(6, kernel_size=5, padding=2), rt.ReLU(), rt.MaxPool2d(2),
            rt.Conv2d(16, kernel_size=5), rt.ReLU(), rt.MaxPool2d(2),
            rt.Flatten(), rt.Linear(120), rt.ReLU(), rt.Linear(84), rt.ReLU(), rt.Linear(10),
            input_shape=(1, 28, 28),
        ),
        LENET,
    ),
    "nested": (
        lambda: rt.Sequential(
            rt.Conv2d(8, 3, stride=2, bias=False), rt.BatchNorm2d(),
            rt.Sequential(rt.Flatten(), rt.Linear(10), rt.LayerNorm()),
            input_shape=(3, 16, 16),
        ),
        NESTED,
    ),
    "tokens": (
        lambda: rt.Sequential(
            rt.Embedding(100, 8), rt.Flatten(), rt.Linear(4), input_shape=(20,), input_dtype="int"
        ),
        TOKENS,
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", CASES)
def test_runtime_summary_is_the_cli_summary(name: str) -> None:
    build, source = CASES[name]
    runtime = build().summary().splitlines()
    static = format_table(summarize(source)).splitlines()
    assert runtime[0] == f"Sequential: input {static[0].partition(': input ')[2]}"
    assert runtime[1:] == static[1:]
    assert "?" not in "\n".join(runtime)
