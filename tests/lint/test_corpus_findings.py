"""The linter reports exactly the findings each torch-verified corpus file expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from shapelint.lint import lint_source
from tests.corpus_files import corpus_files, expectations


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_corpus_findings(path: Path) -> None:
    found = {(d.line, d.code) for d in lint_source(path.read_text(encoding="utf-8"), str(path))}
    assert found == expectations(path)
