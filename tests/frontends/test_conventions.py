"""ruff's and flake8's conventions, through the real command line: markers, the closing line, options, standard
input, missing paths, empty folders, a closed pipe, ``shapelint rule`` and per-file ignores."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.frontends.helpers import BUGGY, CLEAN, shapelint
from tests.torch_run import run_code_example

UNSAFE = """\
import torch
import torch.nn as nn

WIDTH = 100
model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.Flatten(), nn.Linear(WIDTH, 10))  # shapelint: input=(B, 1, 6, 6)


def check():
    model(torch.randn(2, 1, 6, 6))
"""
"""A size written with a name whose fix is a number on one run's strength: unsafe."""


def test_the_unsafe_example_fails_under_torch() -> None:
    with pytest.raises(RuntimeError):
        run_code_example(UNSAFE)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "model.py").write_text(BUGGY)
    return tmp_path


def test_a_fixable_finding_is_marked_and_the_run_ends_with_a_count(folder: Path) -> None:
    result = shapelint("model.py", cwd=folder)
    assert " SHP001 [*] Linear(" in result.stdout
    assert result.stderr == "Found 1 finding (1 fixable with --fix).\n"


def test_an_unsafe_fix_is_counted_apart_and_marked_with_unsafe_fixes(tmp_path: Path) -> None:
    (tmp_path / "model.py").write_text(UNSAFE)
    plain = shapelint("model.py", cwd=tmp_path)
    assert " SHP001 Linear(" in plain.stdout
    assert plain.stderr == "Found 1 finding (1 more with --unsafe-fixes).\n"
    unsafe = shapelint("--unsafe-fixes", "model.py", cwd=tmp_path)
    assert " SHP001 [*] Linear(" in unsafe.stdout
    assert unsafe.stderr == "Found 1 finding (1 fixable with --fix).\n"


def test_a_clean_run_says_nothing(tmp_path: Path) -> None:
    (tmp_path / "model.py").write_text(CLEAN)
    result = shapelint("model.py", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_counts_use_plurals(tmp_path: Path) -> None:
    for name in ("a.py", "b.py"):
        (tmp_path / name).write_text(BUGGY)
    assert shapelint(".", cwd=tmp_path).stderr == "Found 2 findings (2 fixable with --fix).\n"
    assert shapelint("--fix", ".", cwd=tmp_path).stderr == "Fixed 2 of 2 findings in 2 files.\n"


def test_exit_zero(folder: Path) -> None:
    result = shapelint("--exit-zero", "model.py", cwd=folder)
    assert result.returncode == 0 and "SHP001" in result.stdout


def test_statistics_count_by_code(folder: Path) -> None:
    (folder / "other.py").write_text(BUGGY)
    result = shapelint("--statistics", ".", cwd=folder)
    assert result.stdout == "2\tSHP001\t[*] linear-in-features\n"


def test_github_annotations(folder: Path) -> None:
    result = shapelint("--format", "github", "model.py", cwd=folder)
    line = result.stdout.strip()
    assert line.startswith("::error title=shapelint (SHP001),file=model.py,line=6,col=15,endLine=6,endColumn=18::")
    assert line.endswith("expected 128") and result.returncode == 1


def test_show_fixes_lists_each_fix(folder: Path) -> None:
    result = shapelint("--show-fixes", "model.py", cwd=folder)
    assert result.stdout.splitlines()[-1] == "model.py:6:15: SHP001 fix: write `128` (safe)"


def test_standard_input_is_linted_as_the_named_file(folder: Path) -> None:
    result = _stdin(folder, BUGGY, "-", "--stdin-filename", "model.py")
    assert result.stdout.startswith("model.py:6:15: SHP001 [*]") and result.returncode == 1


def test_standard_input_fixed_goes_to_standard_output(folder: Path) -> None:
    result = _stdin(folder, BUGGY, "-", "--fix", "--stdin-filename", "model.py")
    assert result.stdout == CLEAN and result.stderr == "" and result.returncode == 0
    assert (folder / "model.py").read_text() == BUGGY


def _stdin(cwd: Path, text: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "shapelint", *args]
    return subprocess.run(command, input=text, capture_output=True, text=True, cwd=cwd, timeout=300)


def test_a_missing_path_is_reported_and_the_others_linted(folder: Path) -> None:
    result = shapelint("nope.py", "model.py", cwd=folder)
    assert result.returncode == 2
    assert "shapelint: error: nope.py: no such file or directory" in result.stderr
    assert result.stdout.startswith("model.py:6:15: SHP001")


def test_a_folder_with_nothing_to_lint_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = shapelint("empty", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "shapelint: no Python files to lint in empty\n"


def test_a_closed_standard_output_ends_quietly(tmp_path: Path) -> None:
    for index in range(40):
        (tmp_path / f"model_{index}.py").write_text(BUGGY)
    command = f"{sys.executable} -m shapelint --jobs 1 . | head -1"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert result.stdout.count("\n") == 1
    assert "Traceback" not in result.stderr and "Error" not in result.stderr


def test_help_lists_the_other_commands() -> None:
    result = shapelint("--help")
    assert "shapelint summary" in result.stdout and "shapelint rule" in result.stdout


@pytest.mark.parametrize("name", ["SHP001", "shp001", "linear-in-features"])
def test_rule_prints_the_explanation_and_examples(name: str) -> None:
    result = shapelint("rule", name)
    assert result.returncode == 0
    assert result.stdout.startswith("# linear-in-features (SHP001)")
    assert BUGGY.strip().splitlines()[-1] in result.stdout and "Use instead:" in result.stdout


def test_an_unknown_rule_lists_the_codes() -> None:
    result = shapelint("rule", "SHP999")
    assert result.returncode == 2 and "SHP001 (linear-in-features)" in result.stderr


def test_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.shapelint]\nper-file-ignores = {"tests/*" = ["SHP001"]}\n')
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "model.py").write_text(BUGGY)
    (tmp_path / "model.py").write_text(BUGGY)
    result = shapelint(".", cwd=tmp_path)
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["model.py"]


def test_per_file_ignores_must_name_codes(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.shapelint]\nper-file-ignores = {"tests/*" = ["E501"]}\n')
    (tmp_path / "model.py").write_text(BUGGY)
    result = shapelint(".", cwd=tmp_path)
    assert result.returncode == 2 and "matches no shapelint code" in result.stderr


def test_flake8_on_a_file_without_torch_never_imports_the_analysis(tmp_path: Path) -> None:
    (tmp_path / "plain.py").write_text("import os\n\nprint(os.sep)\n")
    command = [sys.executable, "-X", "importtime", "-m", "flake8", "plain.py"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stdout
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "shapelint.frontends.files" in imported  # the plugin ran on the file, and decided from its text
    assert not {name for name in imported if name.startswith(("libcst", "shapelint.lint", "shapelint.evaluator"))}
