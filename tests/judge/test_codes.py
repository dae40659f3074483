"""Every code's examples: torch rejects the invalid one and runs the valid one; the linter agrees."""

from __future__ import annotations

import re

import pytest

from shapelint.fix import fix_source
from shapelint.judge import CODES, Code
from shapelint.lint import lint_source
from tests.torch_run import run_code_example

ROWS = list(CODES.values())


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.code)
def test_valid_example_runs_under_torch_and_lints_clean(row: Code) -> None:
    run_code_example(row.valid)
    assert lint_source(row.valid) == []


DECLARATION_CODES = {"bad-directive", "inputs-disagree"}


@pytest.mark.parametrize("row", [r for r in ROWS if r.name not in DECLARATION_CODES], ids=lambda row: row.code)
def test_invalid_example_fails_under_torch(row: Code) -> None:
    with pytest.raises((RuntimeError, ValueError)):
        run_code_example(row.invalid)


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
    run_code_example(fixed)


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.code)
def test_invalid_example_message_follows_the_rows_template(row: Code) -> None:
    (finding,) = lint_source(row.invalid)
    parts = [re.escape(text) for text in re.split(r"\{[a-z]+\}", row.message)]
    assert re.fullmatch(".+".join(parts), finding.message, re.S), (row.message, finding.message)
