"""The command line skips libcst's per-node validation while it lints: same trees, and libcst left as found."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest

from shapelint import runner
from tests.corpus_files import corpus_files


@pytest.mark.parametrize("path", corpus_files()[::7], ids=lambda path: path.stem)
def test_trusted_parse_builds_the_same_tree(path: Path) -> None:
    source = path.read_bytes()
    with runner._parser_trusted():
        trusted = cst.parse_module(source)
    assert trusted.deep_equals(cst.parse_module(source))
    assert trusted.code.encode() == source


def test_validation_is_back_after_a_lint(tmp_path: Path) -> None:
    model = tmp_path / "model.py"
    model.write_text("import torch.nn as nn\nnet = nn.Sequential(nn.Linear(4, 8), nn.Linear(9, 2))\n")
    report = runner.process(str(model), runner.Task())
    assert [d.code for d in report.diagnostics] == ["SHP001"]
    with pytest.raises(cst.CSTValidationError):
        cst.Name("not a name")


def test_a_fix_keeps_validation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fix builds nodes of its own, so libcst keeps checking them."""
    seen: list[object] = []
    real = runner._fix

    def spy(path: str, data: bytes, task: runner.Task) -> runner.FileReport:
        seen.append(cst.CSTNode.__post_init__)
        return real(path, data, task)

    monkeypatch.setattr(runner, "_fix", spy)
    model = tmp_path / "model.py"
    model.write_text("import torch.nn as nn\nnet = nn.Sequential(nn.Linear(4, 8), nn.Linear(9, 2))\n")
    assert runner.process(str(model), runner.Task(fix=True)).fixed == 1
    assert seen == [cst.CSTNode.__post_init__]
    assert model.read_text().endswith("nn.Linear(8, 2))\n")
