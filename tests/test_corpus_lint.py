"""The linter reports exactly the findings each torch-verified corpus file expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from shapelint.lint import lint_source
from tests.corpus_files import CORPUS, corpus_files, expectations

SEQUENTIAL = [path for path in corpus_files() if path.parent.name == "sequential"]


@pytest.mark.parametrize("path", SEQUENTIAL, ids=lambda p: p.stem)
def test_sequential_corpus_findings(path: Path) -> None:
    found = {(d.line, d.code) for d in lint_source(path.read_text(encoding="utf-8"), str(path))}
    assert found == expectations(path)
