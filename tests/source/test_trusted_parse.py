"""The command line skips libcst's per-node validation while it lints: same trees, and libcst left as found."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest

from shapelint.frontends import runner
from shapelint.source import trusted_parser
from tests.corpus_files import corpus_files


@pytest.mark.parametrize("path", corpus_files()[::7], ids=lambda path: path.stem)
def test_trusted_parse_builds_the_same_tree(path: Path) -> None:
    source = path.read_bytes()
    with trusted_parser():
        trusted = cst.parse_module(source)
    assert trusted.deep_equals(cst.parse_module(source))
    assert trusted.code.encode() == source


MODEL = "import torch.nn as nn\nnet = nn.Sequential(nn.Linear(4, 8), nn.Linear(9, 2))\n"


def test_the_model_is_buggy_under_torch() -> None:
    import torch

    namespace: dict[str, object] = {}
    exec(compile(MODEL, "<model>", "exec"), namespace)
    with pytest.raises(RuntimeError):
        namespace["net"](torch.zeros(1, 4))  # type: ignore[operator]


def _models(folder: Path) -> list[str]:
    for name in ("a.py", "b.py"):
        (folder / name).write_text(MODEL)
    return sorted(str(path) for path in folder.glob("*.py"))


def _validating() -> bool:
    try:
        cst.Name("not a name")
    except cst.CSTValidationError:
        return True
    return False


def _validation_seen(monkeypatch: pytest.MonkeyPatch, step: str) -> list[bool]:
    """Whether libcst validated nodes each time ``runner.<step>`` (``_lint`` or ``_fix``) ran."""
    seen: list[bool] = []
    real = getattr(runner, step)

    def spy(path: str, data: bytes, task: runner.Task) -> runner.FileReport:
        seen.append(_validating())
        return real(path, data, task)

    monkeypatch.setattr(runner, step, spy)
    return seen


def test_a_serial_lint_skips_validation_and_then_restores_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _validation_seen(monkeypatch, "_lint")
    reports = list(runner.run(_models(tmp_path), runner.Task(), jobs=1))
    assert [[d.code for d in report.diagnostics] for report in reports] == [["SHP001"], ["SHP001"]]
    assert seen == [False, False]
    assert _validating()


def test_a_fix_keeps_validation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fix builds nodes of its own, so libcst keeps checking them."""
    seen = _validation_seen(monkeypatch, "_fix")
    paths = _models(tmp_path)
    assert [report.fixed for report in runner.run(paths, runner.Task(fix=True), jobs=1)] == [1, 1]
    assert seen == [True, True]
    assert Path(paths[0]).read_text().endswith("nn.Linear(8, 2))\n")
