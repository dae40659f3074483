"""Ground truth for the corpus: torch itself decides which models are buggy.

Each file's ``check()`` builds its models and runs a forward pass; it must
raise exactly when the file expects a finding.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
import torch

from tests.corpus_files import TORCH_ERRORS, corpus_files, directives, expectations, is_buggy, load_check

_ONE_SHAPE = r"\(\s*(?:[A-Za-z_]\w*|\d+)(?:\s*,\s*(?:[A-Za-z_]\w*|\d+))*\s*,?\s*\)"
_SHAPE_TUPLE = re.compile(rf"^{_ONE_SHAPE}(?:\s*,\s*{_ONE_SHAPE})*$")
"""One shape, or one per argument of ``forward``."""
FILES = corpus_files()


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def test_corpus_is_broad() -> None:
    kinds = {path.parent.name: 0 for path in FILES}
    for path in FILES:
        kinds[path.parent.name] += 1
    assert kinds.get("sequential", 0) >= 60 and kinds.get("module", 0) >= 25, kinds


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_verdict_matches_torch(path: Path) -> None:
    check = load_check(path)
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        if is_buggy(path):
            with pytest.raises(TORCH_ERRORS):
                check()
        else:
            check()


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_annotations_are_well_formed(path: Path) -> None:
    for line, text in directives(path):
        assert _SHAPE_TUPLE.match(text), f"line {line}: malformed directive input={text}"
    directive_lines = {line for line, _ in directives(path)}
    assert not directive_lines & {line for line, _ in expectations(path)}, "directive and expectation share a line"
    assert all(re.fullmatch(r"SHP0\d\d", code) for _, code in expectations(path))
    assert path.stem.endswith(("_bug", "_correct")), "name a corpus file *_bug.py or *_correct.py"
    assert is_buggy(path) == path.stem.endswith("_bug")
