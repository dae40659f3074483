"""Bounded resources, through the real command line: what is not a source file is not read, a file over the size
limit is skipped with a notice, huge integers are values, and an analysis that runs out of budget says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.frontends.helpers import BUGGY, CLEAN, shapelint

BUGGY_LINE = "model.py:6:15: SHP001"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_fifo_and_a_link_to_a_device_are_skipped_with_a_notice(tmp_path: Path, jobs: str) -> None:
    """Reading either would never end (a FIFO with no writer) or never stop (``/dev/zero``); the model beside them is
    still linted, named or found by the walk."""
    os.mkfifo(tmp_path / "pipe.py")
    (tmp_path / "zero.py").symlink_to("/dev/zero")
    (tmp_path / "model.py").write_text(BUGGY)
    result = shapelint("--jobs", jobs, ".", "pipe.py", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith(BUGGY_LINE)
    assert "pipe.py: warning: skipped: not a regular file\n" in result.stderr
    assert "zero.py: warning: skipped: not a regular file\n" in result.stderr


def test_a_file_over_the_size_limit_is_skipped_beside_a_linted_one(tmp_path: Path) -> None:
    (tmp_path / "model.py").write_text(BUGGY)
    (tmp_path / "generated.py").write_text("import torch\n" + "x = 1\n" * 200_000)
    result = shapelint("--max-file-size", "1000000", ".", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout.startswith(BUGGY_LINE)
    assert "generated.py: warning: skipped: 1.2 MB is over the 1 MB limit (max-file-size)" in result.stderr
    document = json.loads(shapelint("--max-file-size", "1000000", "--format", "json", ".", cwd=tmp_path).stdout)
    assert document["errors"] == [
        {"path": "generated.py", "cell": None, "message": document["errors"][0]["message"], "level": "warning"}
    ]


def test_the_size_limit_is_configured_in_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.shapelint]\nmax-file-size = 100\n")
    (tmp_path / "model.py").write_text(BUGGY)
    result = shapelint(".", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")
    assert "model.py: warning: skipped: 0.0 MB is over the 0.0001 MB limit (max-file-size)" in result.stderr
    (tmp_path / "pyproject.toml").write_text("[tool.shapelint]\nmax-file-size = -1\n")
    assert shapelint(".", cwd=tmp_path).returncode == 2


HUGE = "9" * 5000


@pytest.mark.parametrize(
    "source",
    [
        f"import torch.nn as nn\nmodel = nn.Sequential(  # shapelint: input=(B, {HUGE})\n    nn.Linear(4, 8),\n)\n",
        f"import torch\nimport torch.nn as nn\nN = {HUGE}\nmodel = nn.Sequential(nn.Linear(4, 8))\nmodel(torch.randn(N, 4))\n",
    ],
    ids=["directive", "literal"],
)
def test_huge_integers_are_values_like_any_other(tmp_path: Path, source: str) -> None:
    """Over CPython's 4,300 digits, a size in a directive or a literal is read, judged and printed (a batch of that
    size is still a batch)."""
    from shapelint.source import unlimited_int_digits

    (tmp_path / "model.py").write_text(source)
    result = shapelint("--format", "json", "model.py", cwd=tmp_path)
    assert "internal error" not in result.stdout + result.stderr
    with unlimited_int_digits():  # to read the report's huge number back
        document = json.loads(result.stdout)
        assert document["errors"] == []
        if "directive" in source:
            assert [d["found"] for d in document["diagnostics"]] == [4]
            assert document["diagnostics"][0]["expected"] == int(HUGE)


@pytest.mark.exhaustive
def test_an_analysis_that_runs_out_of_budget_says_so(tmp_path: Path) -> None:
    """A 450,000-element table before a buggy model: the step budget ends the analysis there, and a notice says
    which line, instead of a silent pass."""
    table = ", ".join(["1"] * 450_000)
    model = "model = nn.Sequential(  # shapelint: input=(B, 4)\n    nn.Linear(4, 8),\n    nn.Linear(16, 2),\n)\n"
    (tmp_path / "model.py").write_text(f"import torch.nn as nn\n\nTABLE = [{table}]\n{model}")
    result = shapelint("model.py", cwd=tmp_path)
    assert result.returncode == 0
    assert (
        "model.py: warning: not fully checked: the analysis ran out of its step budget at line 3; "
        "what follows is not checked\n" in result.stderr
    )


def test_the_limit_on_integer_text_is_put_back_for_library_callers() -> None:
    from shapelint.lint import lint_source

    before = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else None
    lint_source(f"import torch.nn as nn\nm = nn.Sequential(  # shapelint: input=(B, {HUGE})\n    nn.Linear(4, 8),\n)\n")
    after = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else None
    assert before == after


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_whose_analysis_runs_out_of_memory_is_that_files_error_alone(tmp_path: Path, jobs: str) -> None:
    """A large file is analysed in a child process under a memory bound: the parser aborts the child, not the run;
    the file beside it is still fixed and reported as fixed."""
    rows = "\n".join(f"W{index} = [{index}, {index + 1}, 'abc', (1, 2)]" for index in range(25_000))
    (tmp_path / "generated.py").write_text(f"import torch\n{rows}\n{BUGGY}")
    (tmp_path / "model.py").write_text(BUGGY)
    env = {**os.environ, "SHAPELINT_MEMORY_LIMIT": "300000000"}
    result = subprocess.run(
        [sys.executable, "-m", "shapelint", "--fix", "--jobs", jobs, "."],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 1
    assert result.stdout.startswith("generated.py: error: not analysed: it needs more than 0.3 GB of memory")
    assert (tmp_path / "model.py").read_text() == CLEAN
    assert "Fixed 1 of 1 finding in 1 file." in result.stderr
    assert "memory allocation" not in result.stderr


def test_standard_input_is_read_up_to_the_size_limit() -> None:
    """An endless stream (``/dev/zero | shapelint -``) is read no further than the limit."""
    result = subprocess.run(
        [sys.executable, "-m", "shapelint", "-", "--max-file-size", "1000"],
        input=b"import torch\n" + b"\x00" * 5000, capture_output=True, timeout=60, check=False,
    )
    assert result.returncode == 0
    assert b"<stdin>: warning: skipped: standard input is over the 0.001 MB limit" in result.stderr
