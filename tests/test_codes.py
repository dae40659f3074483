"""Every code's examples: torch rejects the invalid one and runs the valid one; the linter agrees."""

from __future__ import annotations

import re

import pytest
import torch

from shapelint.judge import CODES, Code
from shapelint.fix import fix_source
from shapelint.lint import lint_source

ROWS = list(CODES.values())
_INPUT = re.compile(r"#\s*shapelint:\s*input=\(([^)]*)\)")


def _run_under_torch(source: str) -> None:
    namespace: dict[str, object] = {"__name__": "example"}
    exec(compile(source, "<example>", "exec"), namespace)
    model = next(value for value in namespace.values() if isinstance(value, torch.nn.Module))
    match = _INPUT.search(source)
    assert match, "every example declares its input"
    dims = [2 if part.strip().isidentifier() else int(part) for part in match.group(1).split(",")]
    with torch.no_grad():
        model(torch.zeros(dims))


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.code)
def test_valid_example_runs_under_torch_and_lints_clean(row: Code) -> None:
    _run_under_torch(row.valid)
    assert lint_source(row.valid) == []


DECLARATION_CODES = {"bad-directive", "inputs-disagree"}


@pytest.mark.parametrize("row", [r for r in ROWS if r.name not in DECLARATION_CODES], ids=lambda row: row.code)
def test_invalid_example_fails_under_torch(row: Code) -> None:
    with pytest.raises((RuntimeError, ValueError)):
        _run_under_torch(row.invalid)


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.code)
def test_invalid_example_gets_exactly_its_code(row: Code) -> None:
    assert [d.code for d in lint_source(row.invalid)] == [row.code]


def test_names_and_codes_are_unique() -> None:
    assert len({row.code for row in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.code)
def test_fix_of_the_invalid_example_is_the_rows_expected_fix(row: Code) -> None:
    """A fixable row's fix rewrites exactly its text, and torch runs the result; others are left as written."""
    if row.fix is None:
        assert not row.fixable and fix_source(row.invalid) == row.invalid
        return
    written, replacement = row.fix
    assert row.fixable and row.invalid.count(written) == 1
    fixed = fix_source(row.invalid)
    assert fixed == row.invalid.replace(written, replacement)
    assert lint_source(fixed) == []
    _run_under_torch(fixed)


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.code)
def test_invalid_example_message_follows_the_rows_template(row: Code) -> None:
    (finding,) = lint_source(row.invalid)
    parts = [re.escape(text) for text in re.split(r"\{[a-z]+\}", row.message)]
    assert re.fullmatch(".+".join(parts), finding.message, re.S), (row.message, finding.message)
