"""The fixer on the real checks: every fixable bug in the examples and corpus is repaired into a model torch runs.

These tests need the lead's findings; until ``shapelint.judge.checks`` reports them
the buggy models are left unchanged and the torch runs fail, as they should.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import torch

from shapelint.fix import FileFix, fix_bytes, fix_source
from shapelint.judge import BY_CODE, CODES, Code
from shapelint.lint import lint_source
from tests.budget import cases
from tests.corpus_files import corpus_files, example_files, expectations, is_buggy, load_check
from tests.fix.disguises import DISGUISES
from tests.torch_run import run_code_example

FIXABLE = [row for row in CODES.values() if row.fixable]
MODELS = corpus_files() + example_files()
REPAIRABLE = [
    path for path in corpus_files() if is_buggy(path) and all(BY_CODE[code].fixable for _, code in expectations(path))
]


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.mark.parametrize("row", FIXABLE, ids=lambda row: row.code)
def test_fixing_the_invalid_example_gives_the_valid_one(row: Code) -> None:
    fixed = fix_source(row.invalid)
    assert fixed == row.valid
    run_code_example(fixed)


def _repair(path: Path) -> FileFix:
    return fix_bytes(path.read_bytes(), str(path), unsafe=True)


@pytest.mark.parametrize("path", REPAIRABLE, ids=_id)
def test_every_fix_offered_is_applied_and_torch_runs_the_repaired_model(path: Path, tmp_path: Path) -> None:
    result = _repair(path)
    assert result.error is None and (result.fixed or result.remaining)
    assert [d for d in result.remaining if d.fix is not None] == []
    if result.remaining:
        pytest.skip(f"{len(result.remaining)} finding(s) have no fix (runs that need different sizes no single expression gives, or a size passed through a parameter), so there is no repaired model to run")
    assert lint_source(result.after, str(path)) == []
    fixed = tmp_path / path.name
    fixed.write_bytes(result.after)
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        load_check(fixed)()


def test_nearly_every_fixable_corpus_bug_is_repaired() -> None:
    repaired = [path for path in REPAIRABLE if (result := _repair(path)).error is None and not result.remaining]
    assert len(repaired) >= 0.95 * len(REPAIRABLE), sorted(set(map(_id, REPAIRABLE)) - set(map(_id, repaired)))


@pytest.mark.sampled
@pytest.mark.parametrize("unsafe", [False, True])
@pytest.mark.parametrize("path", cases(MODELS), ids=_id)
def test_fixing_twice_is_a_no_op(path: Path, unsafe: bool) -> None:
    once = fix_bytes(path.read_bytes(), str(path), unsafe=unsafe)
    assert once.error is None
    twice = fix_bytes(once.after, str(path), unsafe=unsafe)
    assert twice.error is None and twice.after == once.after and twice.fixed == ()
    assert twice.remaining == once.remaining


@pytest.mark.sampled
@pytest.mark.parametrize("disguise", ["crlf", "bom", "latin-1"])
@pytest.mark.parametrize("path", cases(REPAIRABLE), ids=_id)
def test_line_endings_bom_and_encoding_survive_the_fix(path: Path, disguise: str) -> None:
    plain = _repair(path)
    before, after = DISGUISES[disguise](plain.before), DISGUISES[disguise](plain.after)
    if before is None or after is None:
        pytest.skip("the file holds characters latin-1 cannot encode, so the latin-1 variant of it does not exist")
    assert fix_bytes(before, str(path), unsafe=True).after == after
