"""End to end with real findings: the CLI's formats, parallelism, fixing, flake8 and pre-commit agree."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.frontends.helpers import BUGGY, CLEAN, shapelint, validate_sarif

FINDING = "6:15: SHP001 [*] Linear(in_features=256) receives 128 features"
"""The finding as the command prints it, ``[*]`` marking that ``--fix`` repairs it."""


def _corpus(folder: Path, count: int) -> list[Path]:
    """Buggy and clean models spread over nested folders."""
    paths = []
    for index in range(count):
        path = folder / f"pkg{index % 3}" / f"model_{index:02d}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(BUGGY if index % 2 else CLEAN)
        paths.append(path)
    return paths


def test_text_output_and_exit_1(tmp_path: Path) -> None:
    (tmp_path / "model.py").write_text(BUGGY)
    result = shapelint("model.py", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith(f"model.py:{FINDING}")
    assert len(result.stdout.splitlines()) == 1


def test_json_schema(tmp_path: Path) -> None:
    (tmp_path / "model.py").write_text(BUGGY)
    document = json.loads(shapelint("--format", "json", "model.py", cwd=tmp_path).stdout)
    assert set(document) == {"diagnostics", "errors"}
    (finding,) = document["diagnostics"]
    assert finding == {
        "path": "model.py",
        "cell": None,
        "line": 6,
        "column": 15,
        "end_line": 6,
        "end_column": 18,
        "code": "SHP001",
        "message": finding["message"],
        "expected": 128,
        "found": 256,
        "fixable": True,
        "fix": {"replacement": "128", "safe": True},
    }


def test_sarif_with_findings_validates(tmp_path: Path) -> None:
    (tmp_path / "model.py").write_text(BUGGY)
    document = validate_sarif(shapelint("--format", "sarif", "model.py", cwd=tmp_path).stdout)
    (result,) = document["runs"][0]["results"]
    assert result["ruleId"] == "SHP001"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 6
    assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": "128"}


def test_output_identical_for_any_jobs(tmp_path: Path) -> None:
    _corpus(tmp_path, 12)
    outputs = {jobs: shapelint("--jobs", jobs, ".", cwd=tmp_path).stdout for jobs in ("1", "2", "4")}
    assert len(set(outputs.values())) == 1
    lines = outputs["1"].splitlines()
    assert len(lines) == 6
    assert lines == sorted(lines)


@pytest.mark.parametrize("comment", ["# noqa", "# noqa: SHP001", "# shapelint: ignore"])
def test_suppression_through_the_cli(tmp_path: Path, comment: str) -> None:
    (tmp_path / "model.py").write_text(BUGGY.replace("nn.Linear(256, 10),", f"nn.Linear(256, 10),  {comment}"))
    assert shapelint("model.py", cwd=tmp_path).returncode == 0


def test_select_and_ignore(tmp_path: Path) -> None:
    (tmp_path / "model.py").write_text(BUGGY)
    assert shapelint("--ignore", "SHP001", "model.py", cwd=tmp_path).returncode == 0
    assert shapelint("--select", "SHP002", "model.py", cwd=tmp_path).returncode == 0
    (tmp_path / "pyproject.toml").write_text('[tool.shapelint]\nignore = ["SHP0"]\n')
    assert shapelint("model.py", cwd=tmp_path).returncode == 0
    assert shapelint("--ignore", "SHP100", "model.py", cwd=tmp_path).returncode == 1


def test_diff_writes_nothing_and_fix_repairs(tmp_path: Path) -> None:
    model = tmp_path / "model.py"
    model.write_text(BUGGY)
    diff = shapelint("--diff", "model.py", cwd=tmp_path)
    assert diff.returncode == 1
    assert "-    nn.Linear(256, 10),\n+    nn.Linear(128, 10),\n" in diff.stdout
    assert model.read_text() == BUGGY
    fixed = shapelint("--fix", "model.py", cwd=tmp_path)
    assert (fixed.returncode, fixed.stdout) == (0, "")
    assert "Fixed 1 of 1 finding in 1 file." in fixed.stderr
    assert model.read_text() == CLEAN
    again = shapelint("--fix", "model.py", cwd=tmp_path)
    assert (again.returncode, shapelint("--diff", "model.py", cwd=tmp_path).returncode) == (0, 0)


TWO_CODES = """\
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, 8, 8)
    nn.Conv2d(4, 8, 3),
    nn.Flatten(),
    nn.Linear(100, 10),
)
"""


def test_the_two_code_model_fails_under_torch() -> None:
    import torch

    namespace: dict[str, object] = {}
    exec(TWO_CODES, namespace)
    with pytest.raises(RuntimeError):
        namespace["model"](torch.zeros(2, 3, 8, 8))


@pytest.mark.parametrize(
    ("option", "fixed", "kept"),
    [("--select=SHP001", "nn.Linear(288, 10)", "nn.Conv2d(4, 8, 3)"), ("--ignore=SHP001", "nn.Conv2d(3, 8, 3)", "nn.Linear(100, 10)")],
)
def test_fix_repairs_only_the_selected_codes(tmp_path: Path, option: str, fixed: str, kept: str) -> None:
    model = tmp_path / "model.py"
    model.write_text(TWO_CODES)
    result = shapelint("--fix", option, "model.py", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")
    assert "Fixed 1 of 1 finding in 1 file." in result.stderr
    assert fixed in model.read_text() and kept in model.read_text()
    assert shapelint("--fix", "model.py", cwd=tmp_path).returncode == 0
    import torch
    namespace: dict[str, object] = {}
    exec(compile(model.read_text(), str(model), "exec"), namespace)
    assert namespace["model"](torch.zeros(2, 3, 8, 8)).shape == (2, 10)


def test_fix_in_parallel_over_a_corpus(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, 8)
    result = shapelint("--fix", "--jobs", "2", ".", cwd=tmp_path)
    assert result.returncode == 0
    assert "Fixed 4 of 4 findings in 4 files." in result.stderr
    assert all(path.read_text() == CLEAN for path in paths)


def test_flake8_reports_the_same_finding(tmp_path: Path) -> None:
    (tmp_path / "model.py").write_text(BUGGY)
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "SHP", "model.py"], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        shapelint("model.py", cwd=tmp_path).stdout.splitlines()[0].replace(" [*]", "") + " (shapelint --fix repairs this)"
    ]


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _try_repo(cwd: Path, hook: str, home: Path) -> subprocess.CompletedProcess[str]:
    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(repo), hook, "--all-files"],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=900,
    )


@pytest.mark.exhaustive
@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_hooks(tmp_path: Path) -> None:
    """The real ``pre-commit try-repo``: it builds a venv with the repository installed, so one test does it all."""
    project, home = tmp_path / "project", tmp_path / "home"
    project.mkdir()
    _git(project, "init", "-q")
    (project / "README.md").write_text("no Python here\n")
    _git(project, "add", ".")
    nothing = _try_repo(project, "shapelint", home)
    assert nothing.returncode == 0, nothing.stdout + nothing.stderr
    (project / "model.py").write_text(BUGGY)
    _git(project, "add", ".")
    check = _try_repo(project, "shapelint", home)
    assert check.returncode == 1
    assert f"model.py:{FINDING}" in check.stdout
    fix = _try_repo(project, "shapelint-fix", home)
    assert fix.returncode == 1, fix.stdout
    assert "files were modified by this hook" in fix.stdout
    assert (project / "model.py").read_text() == CLEAN
    assert _try_repo(project, "shapelint", home).returncode == 0
    notebooks = Path(__file__).parents[1] / "notebooks"
    shutil.copy(notebooks / "lenet_mnist_bug.ipynb", project / "lenet.ipynb")
    _git(project, "add", ".")
    check = _try_repo(project, "shapelint", home)
    assert check.returncode == 1 and "lenet.ipynb:cell 4:6:30: SHP001" in check.stdout, check.stdout
    assert _try_repo(project, "shapelint-fix", home).returncode == 1
    fixed = (project / "lenet.ipynb").read_text(encoding="utf-8")
    assert fixed == (notebooks / "lenet_mnist_correct.ipynb").read_text(encoding="utf-8").replace(
        "16 * 4 * 4, 120)", "16 * 4 * 4, 120)  # expect: SHP001"
    )
