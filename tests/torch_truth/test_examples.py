"""Ground truth for examples/: every buggy example fails under torch and its fixed twin runs."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import torch

from tests.corpus_files import TORCH_ERRORS, example_files, load_check

EXAMPLES = example_files()
BUGGY = [path for path in EXAMPLES if path.stem.endswith("_buggy")]


def _twin(buggy: Path) -> Path:
    return buggy.with_name(buggy.name.replace("_buggy.py", "_fixed.py"))


def test_examples_come_in_pairs() -> None:
    assert len(BUGGY) >= 4
    assert sorted(EXAMPLES) == sorted([*BUGGY, *map(_twin, BUGGY)])


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_example_verdict_matches_torch(path: Path) -> None:
    check = load_check(path)
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        if path in BUGGY:
            with pytest.raises(TORCH_ERRORS):
                check()
        else:
            check()


@pytest.mark.parametrize("buggy", BUGGY, ids=lambda path: path.name)
def test_fixed_twin_differs_only_in_sized_arguments(buggy: Path) -> None:
    before = buggy.read_text(encoding="utf-8").splitlines()
    after = _twin(buggy).read_text(encoding="utf-8").splitlines()
    assert len(before) == len(after)
    assert sum(old != new for old, new in zip(before, after)) == 1
