"""Recall and precision on injected input-size bugs, measured the way the held-out judge does.

Every literal input-size argument of every correct model is mutated. torch
decides whether a mutant is a bug; each bug must be reported on the mutated
line with its family's code, and correct files must lint clean.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shapelint.lint import lint_source
from tests.mutation.harness import FOLDERS, TARGETS, correct_files, judge_folder

CORRECT = [path for folder in FOLDERS.values() for path in correct_files(folder)]


@pytest.mark.parametrize("path", CORRECT, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_correct_file_lints_clean(path: Path) -> None:
    assert lint_source(path.read_text(encoding="utf-8"), str(path)) == []


@pytest.mark.parametrize("folder", list(FOLDERS))
def test_recall_on_injected_bugs(folder: str) -> None:
    result = judge_folder(folder)
    misses = "\n".join(miss.describe() for miss in result.misses)
    print(f"{folder}: {len(result.judged) - len(result.misses)}/{len(result.judged)} found\n{misses}")
    assert len(result.judged) >= 20, "too few torch-failing mutants to measure recall"
    assert result.recall >= TARGETS[folder], f"recall {result.recall:.1%} < {TARGETS[folder]:.0%}; misses:\n{misses}"


@pytest.mark.parametrize("folder", list(FOLDERS))
def test_no_stray_findings_on_mutants(folder: str) -> None:
    """A mutant may add SHP004–SHP006 findings, but never a size finding elsewhere or with another code."""
    stray = [judged.describe() for judged in judge_folder(folder).judged if judged.stray]
    assert not stray, "\n".join(stray)
