"""``model.summary()`` prints the table ``shapelint summary`` prints, for the runtime source and its torch twin.

All three render through :func:`shapelint.table.format_table`; here the rows and totals are compared line by line
(the first line names the model: its variable in a file, its class at run time).
"""

from __future__ import annotations

import pytest

from shapelint.frontends.summary import summarize
from shapelint.table import format_table

CASES = {
    "lenet": (
        """\
from shapelint import runtime as rt

lenet = rt.Sequential(
    rt.Conv2d(6, kernel_size=5, padding=2), rt.ReLU(), rt.MaxPool2d(2),
    rt.Conv2d(16, kernel_size=5), rt.ReLU(), rt.MaxPool2d(2),
    rt.Flatten(), rt.Linear(120), rt.ReLU(), rt.Linear(84), rt.ReLU(), rt.Linear(10),
    input_shape=(1, 28, 28),
)
""",
        """\
import torch.nn as nn

lenet = nn.Sequential(  # shapelint: input=(B, 1, 28, 28)
    nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(6, 16, kernel_size=5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10),
)
""",
    ),
    "nested": (
        """\
from shapelint.runtime import BatchNorm2d, Conv2d, Flatten, LayerNorm, Linear, Sequential

block = Sequential(
    Conv2d(8, 3, stride=2, bias=False),
    BatchNorm2d(),
    Sequential(Flatten(), Linear(10, in_features=392), LayerNorm()),
    input_shape=(3, 16, 16),
)
""",
        """\
import torch.nn as nn

block = nn.Sequential(  # shapelint: input=(B, 3, 16, 16)
    nn.Conv2d(3, 8, 3, stride=2, bias=False),
    nn.BatchNorm2d(8),
    nn.Sequential(nn.Flatten(), nn.Linear(392, 10), nn.LayerNorm(10)),
)
""",
    ),
    "tokens": (
        """\
import shapelint.runtime as rt

classifier = rt.Sequential(rt.Embedding(100, 8), rt.Flatten(), rt.Linear(4), input_shape=(20,), input_dtype="int")
""",
        """\
import torch.nn as nn

classifier = nn.Sequential(  # shapelint: input=(B, 20) dtype=long
    nn.Embedding(100, 8),
    nn.Flatten(),
    nn.Linear(160, 4),
)
""",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_runtime_summary_is_the_cli_summary(name: str) -> None:
    runtime_source, torch_source = CASES[name]
    namespace: dict[str, object] = {}
    exec(compile(runtime_source, name, "exec"), namespace)
    [model] = [value for key, value in namespace.items() if key in ("lenet", "block", "classifier")]
    printed = model.summary().splitlines()  # type: ignore[attr-defined]
    assert "?" not in "\n".join(printed)
    for source in (runtime_source, torch_source):
        static = format_table(summarize(source)).splitlines()
        assert printed[0] == f"Sequential: input {static[0].partition(': input ')[2]}"
        assert printed[1:] == static[1:]
