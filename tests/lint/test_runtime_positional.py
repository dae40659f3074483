"""SHP006 for a runtime layer called torch-style: the linter reports what the runtime refuses, in its words.

The fixtures carry their expectations inline (``# expect: SHP006``); each is run too: the buggy one's runtime model
is refused where torch builds the same calls, and the correct one's builds and matches its torch reading's shapes.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import shapelint.runtime as rt
import torch

from shapelint.catalog import TorchStyleCall
from shapelint.lint import lint_source
from tests.corpus_files import expectations, is_buggy, load_check
from tests.runtime.torch_style import CALLS, IDS

FIXTURES = sorted((Path(__file__).parent / "runtime_style").glob("*.py"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_findings(path: Path) -> None:
    found = {(d.line, d.code) for d in lint_source(path.read_text(encoding="utf-8"), str(path))}
    assert found == expectations(path)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_verdicts_hold_at_run_time(path: Path) -> None:
    check = load_check(path)
    reading = check.__globals__["torch_reading"]()
    assert reading(torch.zeros(2, 1, 28, 28)).shape == (2, 10)
    if is_buggy(path):
        with pytest.raises(TorchStyleCall):
            check()
    else:
        check()
        model = check.__globals__["build"]()
        assert model(np.zeros((2, 1, 28, 28), np.float32)).shape == (2, 10)


@pytest.mark.parametrize(("name", "args"), CALLS, ids=IDS)
def test_the_lint_message_is_the_runtime_error(name: str, args: tuple[object, ...]) -> None:
    """One decision for both halves: every torch-style call of every kind is SHP006 with the runtime's message."""
    call = f"{name}({', '.join(map(repr, args))})"
    with pytest.raises(TorchStyleCall) as caught:
        eval(call, vars(rt))
    for source in (
        f"from shapelint.runtime import {name}\nlayer = {call}\n",
        f"from shapelint import runtime as rt\nlayer = rt.{call}\n",
        f"import shapelint.runtime as rt\nlayer = rt.{call}\n",
    ):
        [diagnostic] = lint_source(source)
        assert (diagnostic.line, diagnostic.code, diagnostic.message) == (2, "SHP006", str(caught.value))
        assert diagnostic.fix is None


def test_torch_layers_with_the_same_calls_are_not_reported() -> None:
    assert lint_source("import torch.nn as nn\nlayer = nn.Conv2d(1, 6, 5)\nfc = nn.Linear(784, 10)\n") == []


def test_a_call_with_unpacked_arguments_stays_silent() -> None:
    """No written text for each value: the runtime still refuses it, the linter cannot word it."""
    assert lint_source("from shapelint.runtime import Conv2d\nargs = (1, 6, 5)\nlayer = Conv2d(*args)\n") == []
