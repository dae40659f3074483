"""Every detected injected bug with a safe fix is repaired into a model torch runs, and fixing is idempotent."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from shapelint.fix import fix_source
from shapelint.lint import lint_source
from tests.budget import cases
from tests.mutation.harness import FOLDERS, Judged, judge_folder, torch_fails


def _safely_fixable(judged: Judged) -> bool:
    return judged.found and any(
        (d.line, d.code) == (judged.mutant.line, judged.mutant.code) and d.fix is not None and d.fix.safe
        for d in judged.findings
    )


@functools.cache
def _fix_is_noop(path: Path) -> bool:
    """Whether fixing the correct original changes nothing; shared by all mutants repaired back to it."""
    original = path.read_text(encoding="utf-8")
    return fix_source(original) == original


def _roundtrip_problem(judged: Judged) -> str | None:
    """Why the fix of one mutant is not a good repair, or ``None`` when it is."""
    fixed = fix_source(judged.mutant.source)
    if fixed == judged.path.read_text(encoding="utf-8"):
        return None if _fix_is_noop(judged.path) else "a second fix changes the source again"
    if torch_fails(fixed, f"fixed_{judged.path.stem}"):
        return "the fixed model still fails under torch"
    if lint_source(fixed, str(judged.path)):
        return "the fixed model does not lint clean"
    if fix_source(fixed) != fixed:
        return "a second fix changes the source again"
    return None


@pytest.mark.sampled
@pytest.mark.parametrize("folder", list(FOLDERS))
def test_safe_fixes_repair_injected_bugs(folder: str) -> None:
    fixable = cases([judged for judged in judge_folder(folder).judged if _safely_fixable(judged)])
    assert fixable, "no safely fixable mutant to check"
    problems = [f"{judged.describe()}: {problem}" for judged in fixable if (problem := _roundtrip_problem(judged))]
    assert not problems, "\n".join(problems)
