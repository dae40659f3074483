"""Multi-file projects: each file is linted in its project, and each project's models run under torch.

A project under ``tests/projects/`` is buggy when one of its files carries a
``# expect:`` comment; its ``check()`` must then fail under torch, and the
linter must report exactly the expected findings, file by file.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import pytest

from shapelint.lint import lint_source
from tests.corpus_files import TORCH_ERRORS, expectations

PROJECTS = Path(__file__).parent.parent / "projects"


def _projects() -> list[Path]:
    return sorted(path for path in PROJECTS.iterdir() if path.is_dir())


def _root(project: Path) -> Path:
    """Where the project's top-level modules and packages are: ``src/`` in a src layout."""
    return project / "src" if (project / "src").is_dir() else project


def _expected(project: Path) -> set[tuple[str, int, str]]:
    return {(str(path), line, code) for path in project.rglob("*.py") for line, code in expectations(path)}


@pytest.mark.parametrize("project", _projects(), ids=lambda path: path.name)
def test_findings_are_the_expected_ones(project: Path) -> None:
    found = {
        (str(path), diagnostic.line, diagnostic.code)
        for path in project.rglob("*.py")
        for diagnostic in lint_source(path.read_bytes(), str(path))
    }
    assert found == _expected(project)
    assert bool(found) == project.name.endswith("_bug")


def _checks(project: Path) -> list[str]:
    """Dotted names of the project's modules that define ``check()``."""
    root = _root(project)
    names = []
    for path in sorted(root.rglob("*.py")):
        if "def check(" in path.read_text(encoding="utf-8"):
            names.append(".".join(path.relative_to(root).with_suffix("").parts))
    return names


@pytest.mark.parametrize("project", _projects(), ids=lambda path: path.name)
def test_verdict_holds_under_torch(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("torch", reason="the projects' models run under torch, which this run has not installed")
    root = _root(project)
    tops = {path.name.removesuffix(".py") for path in root.iterdir()}
    monkeypatch.syspath_prepend(str(root))
    names = _checks(project)
    assert names, "every project has a check()"
    try:
        for name in names:
            check = importlib.import_module(name).check
            if project.name.endswith("_bug"):
                with pytest.raises(TORCH_ERRORS):
                    check()
            else:
                check()
    finally:
        for name in [name for name in sys.modules if name.split(".")[0] in tops]:
            del sys.modules[name]


def test_a_shape_from_another_file_is_placed_there() -> None:
    path = PROJECTS / "mnist_fed_rgb_stem_bug" / "model.py"
    (diagnostic,) = lint_source(path.read_bytes(), str(path))
    assert "datasets.MNIST at " in diagnostic.message and "train.py:12 gives (B, 1, 28, 28)" in diagnostic.message


def test_a_finding_inside_a_model_names_what_the_model_was_fed() -> None:
    path = PROJECTS / "factory_picks_zoo_model_bug" / "models" / "vgg.py"
    (diagnostic,) = lint_source(path.read_bytes(), str(path))
    assert diagnostic.message.endswith("; input (B, 3, 32, 32) from datasets.CIFAR100 at " + _shown("utils.py:48"))


def _shown(where: str) -> str:
    """How a message names a place in the factory project's other files, from the working directory."""
    return os.path.relpath(PROJECTS / "factory_picks_zoo_model_bug" / where)
