"""The README shows what the code really does: its examples and outputs are regenerated and compared."""

from __future__ import annotations

import pytest

from tests.readme_sections import README, marked, sections


@pytest.mark.parametrize("name", ["main-job-output", "code-table", "code-examples", "summary-output", "runtime-summary"])
def test_readme_section_is_current(name: str) -> None:
    expected = sections()[name].strip()
    assert marked(README.read_text(encoding="utf-8"), name) == expected, "run `python -m tests.readme_sections`"


def test_readme_commands_are_the_ci_commands() -> None:
    text = README.read_text(encoding="utf-8")
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    install = "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[test]' && shapelint examples/"
    assert install in text and "python3 -m venv .venv" in ci and "pip install -e '.[test]'" in ci
    assert "\npytest\n" in text and "\npytest\n" in ci


def test_code_table_lists_every_code() -> None:
    from shapelint.judge import CODES

    text = README.read_text()
    for name, code in CODES.items():
        assert f"| {code.code} | {name} | {'yes' if code.fixable else 'no'} |" in text, code.code
