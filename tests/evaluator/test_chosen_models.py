"""A model chosen by a condition the evaluator cannot decide: what it answers of the chosen value must be what
Python answers for every choice the code can make, or unknown.

The choice comes from the environment, which the evaluator never reads; the cases run once per choice.
"""

from __future__ import annotations

import libcst as cst
import pytest
import torch  # noqa: F401  (the torch-free run leaves out modules that import torch)

from shapelint.dims import UNKNOWN
from shapelint.evaluator import evaluate

SETUP = """\
import os

import torch.nn as nn


class Block(nn.Module):
    pass


class Wide(Block):
    pass


choice = os.environ.get("SHAPELINT_CHOICE")
if choice == "a":
    net = Wide()
elif choice == "b":
    net = nn.Sequential(nn.Linear(3, 4))
else:
    net = nn.ReLU()
picked = Wide() if choice == "a" else nn.Tanh()
if choice == "a":
    loaded = Wide()
else:
    loaded = getattr(nn, os.environ.get("SHAPELINT_LAYER", "ReLU"))()
"""

CHOICES = ("a", "b", "c")
CASES = [
    ("isinstance(net, nn.Module)", True),
    ("isinstance(net, Block)", False),
    ("isinstance(net, nn.Linear)", False),
    ("net is None", True),
    ("net is not None", True),
    ("net.train() is net", True),
    ("bool(net)", True),
    ("isinstance(picked, nn.Module)", True),
    ("isinstance(picked, torch.Tensor)", True),
    ("loaded is None", False),
    ("isinstance(loaded, nn.Module)", False),
]
"""Each expression, and whether the evaluator must decide it: where every model the code may have chosen gives the
same answer, and no choice left the value unknown (``loaded``)."""


@pytest.mark.parametrize(("expression", "decided"), CASES, ids=[case[0] for case in CASES])
def test_a_chosen_model_is_decided_only_where_every_choice_agrees(
    expression: str, decided: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = f"import torch\n{SETUP}flag = {expression}\n"
    found = evaluate(cst.parse_module(source)).names["flag"]
    answers = set()
    for choice in CHOICES:
        monkeypatch.setenv("SHAPELINT_CHOICE", choice)
        namespace: dict[str, object] = {}
        exec(compile(source, "<case>", "exec"), namespace)  # the case's own code, as Python runs it
        answers.add(namespace["flag"])
    if decided:
        assert answers == {found}
    else:
        assert found is UNKNOWN
