"""A stand-in for ``shapelint.lint.check``, so the fix loop is tested before and apart from the real analysis.

It chains ``Linear(in, out)`` calls inside each ``Sequential(...)`` and reports
only the first wrong ``in`` of each chain, the way a real propagation stops at
an error, so fixing one layer reveals the next.  Literal values get safe fixes,
names unsafe ones.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst
import pytest
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

import shapelint.lint
from shapelint.judge import Diagnostic, Finding, Fix
from shapelint.lint import Checked
from shapelint.source import Parsed

LIES: dict[int, int] = {}
"""Found value -> wrong replacement; a test fills it to make the checker offer a fix that does not fix."""


def _value(node: cst.BaseExpression, names: dict[str, int]) -> int:
    if isinstance(node, cst.Name):
        return names[node.value]
    return int(eval(f"({cst.Module([]).code_for_node(node)})", {}, {}))  # test-only: literal arithmetic


def _finding(
    path: str, call: CodeRange, arg: CodeRange, node: cst.BaseExpression, expected: int, found: int, safe: bool
) -> Finding:
    replacement = str(LIES.get(found, expected))
    fix = Fix(arg.start.line, arg.start.column + 1, arg.end.line, arg.end.column + 1, replacement, safe)
    diagnostic = Diagnostic(
        path, call.start.line, call.start.column + 1, call.end.line, call.end.column + 1,
        "SHP001", f"in_features is {found}, expected {expected}", expected, found, fix,
    )
    return Finding(diagnostic, node)


def check(parsed: Parsed, path: str) -> list[Finding]:
    wrapper = MetadataWrapper(parsed.module, unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)
    names = {
        statement.body[0].targets[0].target.value: int(statement.body[0].value.value)
        for statement in wrapper.module.body
        if isinstance(statement, cst.SimpleStatementLine)
        and isinstance(statement.body[0], cst.Assign)
        and isinstance(statement.body[0].value, cst.Integer)
    }
    findings = []
    for node in positions:
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == "Sequential":
            width = None
            for layer in (arg.value for arg in node.args):
                assert isinstance(layer, cst.Call)
                size, out = (_value(arg.value, names) for arg in layer.args[:2])
                if width is not None and size != width:
                    arg = layer.args[0].value
                    safe = not isinstance(arg, cst.Name)
                    findings.append(_finding(path, positions[layer], positions[arg], arg, width, size, safe))
                    break
                width = out
    return findings


class _Unbudgeted:
    """An evaluation that never ran out of budget, for :func:`as_check_all`."""

    stopped_at = None


def as_check_all(check: Callable[[Parsed, str], list[Finding]]) -> Callable[[Parsed, str], Checked]:
    """A stand-in for ``shapelint.lint.check_all`` that gives ``check``'s findings."""
    return lambda parsed, path: Checked(_Unbudgeted(), None, check(parsed, path))  # type: ignore[arg-type]


def install(monkeypatch: pytest.MonkeyPatch, check: Callable[[Parsed, str], list[Finding]]) -> None:
    """Make the fix loop see ``check``'s findings, in its first check and in every round."""
    monkeypatch.setattr(shapelint.lint, "check", check)
    monkeypatch.setattr(shapelint.lint, "check_all", as_check_all(check))
