"""``hasattr(self, name)`` is answered ``False`` only when nothing the evaluator did not follow could set ``name``.

Each source below runs under torch without error; a ``False`` guessed where Python says ``True`` would give a
false positive on the head.
"""

from __future__ import annotations

import textwrap

import pytest

from shapelint.lint import lint_source

_BLOCK = """
import torch
import torch.nn as nn
import json

class Block(nn.Module):
    def __init__(self, config=None):
        super().__init__()
        self.head = nn.Linear(8, 4)
{extra}
    def forward(self, x):
        x = self.proj(x) if hasattr(self, "proj") else x.repeat(1, 2)
        return self.head(x)

{use}
"""

_SET_ELSEWHERE = {
    "another method": (
        "    def build(self):\n        self.proj = nn.Linear(8, 8)\n",
        "model = Block()\ngetattr(model, json.loads('\"build\"'))()\nmodel(torch.randn(2, 8))",
    ),
    "another method, called on each module": (
        "    def build(self):\n        self.proj = nn.Linear(8, 8)\n",
        "model = Block()\nfor module in model.modules():\n    if hasattr(module, 'build'):\n        module.build()\n"
        "model(torch.randn(2, 8))",
    ),
    "another method, the model handed to code not followed": (
        "    def build(self):\n        self.proj = nn.Linear(8, 8)\n",
        "model = Block()\njson.dumps(model, default=lambda m: m.build())\nmodel(torch.randn(2, 8))",
    ),
    "__dict__ written wholesale": (
        "        self.__dict__.update(config or {})\n",
        "model = Block({'proj': nn.Linear(8, 8)})\nmodel(torch.randn(2, 8))",
    ),
    "setattr with a computed name": (
        "        for key, value in (config or {}).items():\n            setattr(self, key, value)\n",
        "model = Block({'proj': nn.Linear(8, 8)})\nmodel(torch.randn(2, 8))",
    ),
}


@pytest.mark.parametrize("case", sorted(_SET_ELSEWHERE))
def test_an_attribute_set_where_the_evaluator_does_not_look_is_not_guessed_absent(case: str) -> None:
    extra, use = _SET_ELSEWHERE[case]
    source = _BLOCK.format(extra=extra, use=use)
    torch = pytest.importorskip("torch", reason="the model runs under torch, which this run has not installed")
    namespace: dict[str, object] = {}
    exec(compile(source, "<case>", "exec"), namespace)
    assert torch.is_tensor(namespace["model"](torch.randn(2, 8)))  # type: ignore[operator]
    assert lint_source(textwrap.dedent(source)) == []
