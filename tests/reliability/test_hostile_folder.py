"""One folder holding every kind of hostile file, through the real command line, lint and ``--fix``.

Exhaustive (a 50,000-line file, a 200,000-term expression): CI runs it; ``tests/frontends/test_cli.py`` keeps
the quick hostile files in the default run.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shapelint.judge import CODES

pytestmark = pytest.mark.exhaustive

BUGGY = CODES["linear-in-features"].invalid.encode()
MODEL_LINE = b"import torch\nfrom torch import nn\nm = nn.Linear(4, 2)\n"

HOSTILE: dict[str, bytes] = {
    "syntax_error.py": b"import torch\ndef f(:\n    pass\n",
    "next_python.py": b"import torch\ntype Size = int\ndef f[T](x: T) -> T: return x\nmatch x:\n    case _: pass\n",
    "undecodable.py": b"import torch\nx = '\xff\xfe\xfa'\n",
    "latin1.py": b"# -*- coding: latin-1 -*-\nimport torch\nname = '\xe9t\xe9'\nm = torch.nn.Linear(4, 2)\n",
    "unknown_codec.py": b"# -*- coding: klingon -*-\nimport torch\n",
    "null_byte.py": b"import torch\nx = 1\x00\n",
    "bom.py": b"\xef\xbb\xbf" + MODEL_LINE,
    "crlf.py": MODEL_LINE.replace(b"\n", b"\r\n"),
    "mixed_eol.py": b"import torch\r\nfrom torch import nn\rm = nn.Linear(4, 2)\n",
    "empty.py": b"",
    "fifty_thousand.py": b"import torch\nfrom torch import nn\n"
    + b"".join(b"layer_%d = nn.Linear(%d, 8)\n" % (i, i + 1) for i in range(50_000)),
    "deep_parens.py": b"import torch\nx = " + b"(" * 5000 + b"1" + b")" * 5000 + b"\n",
    "deep_lists.py": b"import torch\nx = " + b"[" * 150 + b"]" * 150 + b"\n",
    "long_expression.py": b"import torch\nx = " + b"+".join([b"1"] * 200_000) + b"\n",
    "huge_ints.py": b"import torch\nx = " + b"9" * 4000 + b"\nm = torch.nn.Linear(2**63, 10**30)\n",
    "absurd_sizes.py": b"import torch\nfrom torch import nn\n"
    b"m = nn.Sequential(nn.Linear(10**30, 5), nn.Linear(5, 2**63), nn.Conv2d(0, -1, 10**30))\n",
    "truncated.py": BUGGY[: len(BUGGY) // 2],
    "buggy.py": BUGGY,
}
"""Every kind of file from issue 8; ``buggy.py`` is the one file ``--fix`` may change."""

PARSE_FAILURES = {
    "syntax_error.py", "undecodable.py", "unknown_codec.py", "null_byte.py", "deep_parens.py", "long_expression.py",
    "truncated.py",
}
"""Files that must show up in ``errors`` rather than be linted; 3.12 syntax is linted through libcst even on 3.11."""


def shapelint(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "shapelint", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=600
    )
    return result, time.monotonic() - start


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    models = root / "models"
    models.mkdir()
    for name, content in HOSTILE.items():
        (models / name).write_bytes(content)
    (models / "loop").symlink_to(models, target_is_directory=True)
    (models / "dangling.py").symlink_to(root / "gone.py")
    (root / "notes.txt").write_bytes(b"import torch\n<html>{ not: python ]\n")
    return root


def hashes(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "loop" not in path.parts
    }


def test_lint_reports_each_file_once_with_a_one_line_reason(folder: Path) -> None:
    result, seconds = shapelint("--format", "json", "models", "notes.txt", cwd=folder)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    assert seconds < 240
    document = json.loads(result.stdout)
    errors = {Path(e["path"]).name: e["message"] for e in document["errors"]}
    assert len(errors) == len(document["errors"])
    assert all(message and "\n" not in message and "internal error" not in message for message in errors.values())
    assert set(errors) == PARSE_FAILURES | {"dangling.py", "notes.txt"}
    assert {Path(d["path"]).name for d in document["diagnostics"]} <= set(HOSTILE) - PARSE_FAILURES
    assert "buggy.py" in {Path(d["path"]).name for d in document["diagnostics"]}


def test_fix_changes_no_byte_of_a_file_without_a_fixable_finding(folder: Path) -> None:
    before = hashes(folder)
    result, seconds = shapelint("--fix", "--format", "json", "models", "notes.txt", cwd=folder)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    assert seconds < 240
    after = hashes(folder)
    assert sorted(name for name in before if before[name] != after.get(name)) == ["models/buggy.py"]
    assert set(after) == set(before)
    assert (folder / "models" / "buggy.py").read_bytes() == CODES["linear-in-features"].valid.encode()


def test_malformed_config_is_the_only_exit_2(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.shapelint]\nselect = [\n")
    (tmp_path / "model.py").write_bytes(BUGGY)
    result, _ = shapelint("--fix", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert (tmp_path / "model.py").read_bytes() == BUGGY
