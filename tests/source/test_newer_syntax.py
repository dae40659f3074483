"""Syntax newer than the running interpreter: linted through libcst, not reported as a syntax error."""

from __future__ import annotations

import sys

import pytest

from shapelint.lint import lint_source

MODEL = """\
import torch.nn as nn

net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(9, 2))
"""

GENERIC_FUNCTION = """\


def first[T](items: list[T]) -> T:
    return items[0]
"""


def test_the_model_fails_under_torch() -> None:
    import torch
    namespace: dict[str, object] = {}
    exec(MODEL, namespace)
    with pytest.raises(RuntimeError):
        namespace["net"](torch.zeros(2, 4))


def test_type_parameter_syntax_is_linted() -> None:
    found = lint_source(MODEL + GENERIC_FUNCTION)
    assert [(d.line, d.column, d.code) for d in found] == [(3, 59, "SHP001")]


def test_invalid_source_keeps_cpythons_message() -> None:
    with pytest.raises(SyntaxError, match="never closed"):
        lint_source("x = (\n")


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="the running interpreter reads type parameters itself")
def test_this_interpreter_refuses_type_parameters() -> None:
    import ast

    with pytest.raises(SyntaxError):
        ast.parse(GENERIC_FUNCTION)


def test_fix_only_writes_what_this_interpreter_parses() -> None:
    from shapelint.fix import fix_bytes

    source = (MODEL + GENERIC_FUNCTION).encode()
    result = fix_bytes(source, "model.py")
    assert result.after == source and result.fixed == ()
    assert result.error is None, "the file is linted as plain lint does: no error"
    assert result.notice is not None and result.notice.startswith("not fixed: it uses syntax this Python")
    assert all(d.fix is None for d in result.remaining), "a finding --fix will not repair carries no fix"


def test_null_bytes_are_refused_before_libcst() -> None:
    with pytest.raises(SyntaxError, match="null bytes"):
        lint_source(MODEL + "x = 1\x00\n")
