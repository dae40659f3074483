"""``isinstance`` as the evaluator decides it, against what Python and torch answer for the same code.

Unknown is always allowed; a decided answer must be Python's.  Cases where an evaluator value could hold a
subclass it does not see must stay unknown.
"""

from __future__ import annotations

import libcst as cst
import pytest
import torch  # noqa: F401  (the torch-free run leaves out modules that import torch)

from shapelint.dims import UNKNOWN
from shapelint.evaluator import evaluate

SETUP = """\
import torch
import torch.nn as nn


class Block(nn.Module):
    pass


class Wide(Block):
    pass


class Preset(nn.Conv2d):
    pass


x = torch.zeros(2, 3)
layer = nn.Linear(3, 4)
relu6 = nn.ReLU6()
seq = nn.Sequential(nn.Linear(3, 4))
blocks = nn.ModuleDict({"a": nn.ReLU()})
wide = Wide()
preset = Preset(3, 4, 1)
items = [1, 2]
"""

CASES = [
    ("isinstance(x, (list, tuple))", False),
    ("isinstance(x, torch.Tensor)", True),
    ("isinstance(x, nn.Module)", False),
    ("isinstance(3, int)", True),
    ("isinstance(True, int)", True),
    ("isinstance(3.0, (int, float))", True),
    ("isinstance((1, 2), list)", False),
    ("isinstance(items, list)", True),
    ("isinstance(items, tuple)", False),
    ("isinstance(blocks, dict)", False),
    ("isinstance(layer, nn.Linear)", True),
    ("isinstance(layer, nn.Conv2d)", None),
    ("isinstance(relu6, nn.Hardtanh)", None),
    ("isinstance(layer, nn.Module)", True),
    ("isinstance(seq, nn.Module)", True),
    ("isinstance(wide, Block)", True),
    ("isinstance(wide, nn.Module)", True),
    ("isinstance(wide, torch.Tensor)", False),
    ("isinstance(preset, nn.Conv2d)", True),
    ("isinstance(preset, (nn.Linear, nn.Conv2d))", True),
    ("isinstance(x, Block)", False),
]
"""Each expression, and ``None`` where the evaluator must not decide it (one torch layer against another)."""


@pytest.mark.parametrize(("expression", "decided"), CASES, ids=[case[0] for case in CASES])
def test_isinstance_is_decided_only_as_python_decides_it(expression: str, decided: bool | None) -> None:
    source = f"{SETUP}flag = {expression}\n"
    namespace: dict[str, object] = {}
    exec(compile(source, "<case>", "exec"), namespace)  # the case's own code, run as Python and torch run it
    found = evaluate(cst.parse_module(source)).names["flag"]
    if decided is None:
        assert found is UNKNOWN
    else:
        assert found == namespace["flag"] == decided
