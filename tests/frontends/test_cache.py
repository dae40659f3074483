"""The result cache: a run answered from it says exactly what a fresh run says, and an edit re-analyses only the
files whose results can depend on it.

Every comparison is against ``--no-cache`` on the same tree at the same moment, never against a stored answer.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import shapelint.lint
from shapelint.frontends.cli import main

PROJECTS = Path(__file__).parent.parent / "projects"
EXAMPLES = Path(__file__).parent.parent.parent / "examples"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The MNIST project (a model whose finding comes from the training script), an unrelated model file, and
    the cache in the project, run from the project's folder."""
    root = tmp_path / "project"
    shutil.copytree(PROJECTS / "mnist_fed_rgb_stem_bug", root)
    shutil.copy(EXAMPLES / "lenet_buggy.py", root / "lenet.py")
    monkeypatch.chdir(root)
    monkeypatch.setenv("SHAPELINT_CACHE_DIR", str(root / ".shapelint_cache"))
    return root


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The paths the runs of the test analysed (rather than read from the cache)."""
    seen: list[str] = []
    lint_file = shapelint.lint.lint_file

    def counting(source: str | bytes, path: str = "<string>", **options: bool) -> shapelint.lint.Linted:
        seen.append(path)
        return lint_file(source, path, **options)

    monkeypatch.setattr(shapelint.lint, "lint_file", counting)
    yield seen


def _run(capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str]:
    status = main([".", "--jobs", "1", "--format", "json", *options])
    return status, capsys.readouterr().out


def _fresh(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    return _run(capsys, "--no-cache")


def _files(seen: list[str]) -> list[str]:
    return sorted(os.path.basename(path) for path in seen)


def test_a_second_run_reads_every_result_from_the_cache(
    project: Path, analysed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    first = _run(capsys)
    assert _files(analysed) == ["lenet.py", "model.py", "train.py"]
    analysed.clear()
    assert _run(capsys) == first
    assert analysed == []
    assert _fresh(capsys) == first
    assert first[0] == 1 and {d["path"] for d in json.loads(first[1])["diagnostics"]} == {"lenet.py", "model.py"}


def test_an_edit_reanalyses_the_file_and_those_whose_results_depend_on_it(
    project: Path, analysed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys)
    analysed.clear()
    lenet = project / "lenet.py"
    lenet.write_text(lenet.read_text().replace("16 * 5 * 5", "16 * 4 * 4"))
    edited = _run(capsys)
    assert _files(analysed) == ["lenet.py"]
    assert edited == _fresh(capsys)
    analysed.clear()
    train = project / "train.py"
    train.write_text(train.read_text().replace("datasets.MNIST", "datasets.CIFAR10"))
    edited = _run(capsys)
    assert _files(analysed) == ["model.py", "train.py"]  # the training script feeds model.py's model
    assert edited == _fresh(capsys)


def test_a_new_file_that_imports_a_model_reanalyses_the_model(
    project: Path, analysed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys)
    analysed.clear()
    (project / "evaluate.py").write_text(
        "import torch\nfrom model import MnistNet\n\nMnistNet(10)(torch.randn(2, 3, 28, 28))\n"
    )
    edited = _run(capsys)
    assert _files(analysed) == ["evaluate.py", "model.py"]
    assert edited == _fresh(capsys)


def test_selection_applies_to_kept_results(
    project: Path, analysed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys)
    analysed.clear()
    selected = _run(capsys, "--select", "SHP002")
    assert analysed == []
    assert selected == _run(capsys, "--select", "SHP002", "--no-cache")
    assert "SHP001" not in selected[1] and "SHP002" in selected[1]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: b"",
        lambda data: data.replace(b'"SHP', b'"XYZ').replace(b'"source":"', b'"source":"0'),
        lambda data: b"\xff\xfe" + data,
        lambda data: data.split(b"\n", 1)[1],
    ],
    ids=["truncated", "empty", "altered", "undecodable", "no-checksum"],
)
def test_a_damaged_entry_is_ignored_and_rewritten(
    project: Path, analysed: list[str], capsys: pytest.CaptureFixture[str], damage: object
) -> None:
    first = _run(capsys)
    entries = sorted((project / ".shapelint_cache").rglob("*.json"))
    assert len(entries) == 3
    for entry in entries:
        entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    analysed.clear()
    assert _run(capsys) == first
    assert len(analysed) == 3
    analysed.clear()
    assert _run(capsys) == first
    assert analysed == []


def test_the_cache_directory_is_marked_and_left_out_of_git(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run(capsys)
    cache = project / ".shapelint_cache"
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert not [path for path in cache.rglob("*") if path.name.endswith(".tmp")]
    assert oct((cache / ".gitignore").stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_no_cache_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fresh(capsys)
    assert not (project / ".shapelint_cache").exists()


def test_an_unwritable_cache_only_costs_time(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "blocked").write_text("a file where the cache directory would go")
    assert _run(capsys, "--cache-dir", str(project / "blocked" / "cache")) == _fresh(capsys)


def test_the_lint_after_a_fix_sees_the_fixed_files(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys)
    before = (project / "lenet.py").read_text()
    assert main([".", "--jobs", "1", "--fix", "--quiet"]) == 0
    capsys.readouterr()
    assert (project / "lenet.py").read_text() != before
    assert _run(capsys) == _fresh(capsys)
    assert _run(capsys)[0] == 0


def test_parallel_runs_share_the_cache(project: Path, analysed: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    first = _run(capsys)
    analysed.clear()
    assert main([".", "--jobs", "2", "--format", "json"]) == first[0]
    assert capsys.readouterr().out == first[1]
    assert analysed == []  # every file was answered in the parent, so no worker started


def test_clean_removes_the_cache(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run(capsys)
    assert main(["clean"]) == 0
    assert not (project / ".shapelint_cache").exists()
    assert "Removed" in capsys.readouterr().err
    assert main(["clean"]) == 0
    assert "No cache" in capsys.readouterr().err


def test_clean_refuses_a_folder_that_is_not_a_cache(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "--cache-dir", str(project)]) == 2
    assert "not a shapelint cache" in capsys.readouterr().err
    assert (project / "model.py").exists()


def test_a_script_building_a_project_model_follows_that_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A training script that names no layer is analysed only while a module it builds from holds a model: its
    kept result depends on that module's content."""
    root = tmp_path / "project"
    shutil.copytree(PROJECTS / "script_builds_with_wrong_size_bug", root)
    monkeypatch.chdir(root)
    monkeypatch.setenv("SHAPELINT_CACHE_DIR", str(root / ".shapelint_cache"))
    model = root / "model.py"
    written = model.read_text()
    model.write_text("def AudioNet(n_input=1):\n    return None\n")
    assert _run(capsys) == _fresh(capsys) == (0, _run(capsys)[1])
    model.write_text(written)
    status, output = _run(capsys)
    assert (status, output) == _fresh(capsys)
    assert status == 1 and {d["path"] for d in json.loads(output)["diagnostics"]} == {"train.py"}
