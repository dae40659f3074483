"""The linter reports exactly the findings each torch-verified held-out-style model expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from shapelint.lint import lint_source
from tests.corpus_files import heldout_style_files, expectations


@pytest.mark.parametrize("path", heldout_style_files(), ids=lambda p: p.stem)
def test_heldout_findings(path: Path) -> None:
    found = {(d.line, d.code) for d in lint_source(path.read_text(encoding="utf-8"), str(path))}
    assert found == expectations(path)
