"""A function nobody calls runs on the module's last state; a global given several tensors (a notebook's ``input``,
one cell's and a later one's) is not known to it: which of them a call would see depends on when it came."""

from __future__ import annotations

import textwrap

import pytest

from shapelint.lint import lint_source

_NOTEBOOK_STYLE = """\
import torch as t
from torch import nn
from torch.nn import functional as F

input = t.randn(2, 3)
weight = t.randn(4, 3)


class MyLinear(nn.Module):
    def forward(self):
        return F.linear(input, weight)


print(MyLinear()().shape)
input = t.randn(1, 3, 224, 224)
"""


def test_a_global_given_several_tensors_is_not_known_to_a_function_nobody_calls() -> None:
    """torch runs the cells as written (the layer runs on the first ``input``); the later ``input`` never reaches
    it.  Without the call the standalone run of ``forward`` must not take the last one."""
    pytest.importorskip("torch", reason="torch runs the cells")
    exec(compile(_NOTEBOOK_STYLE, "<cells>", "exec"), {})
    uncalled = _NOTEBOOK_STYLE.replace("print(MyLinear()().shape)\n", "")
    exec(compile(uncalled, "<cells>", "exec"), {})
    assert lint_source(uncalled, "cells.py") == []


def test_a_call_still_sees_the_tensor_bound_when_it_runs() -> None:
    source = textwrap.dedent(
        """\
        import torch
        from torch.nn import functional as F
        x = torch.randn(2, 3)
        def project(w):
            return F.linear(x, w)
        out = project(torch.randn(4, 5))
        x = torch.randn(2, 5)
        """
    )
    pytest.importorskip("torch", reason="torch runs the script")
    try:
        exec(compile(source, "<script>", "exec"), {})
    except RuntimeError:
        raised = True
    else:
        raised = False
    assert raised
    assert [d.code for d in lint_source(source, "script.py")] == ["SHP006"]
