"""Writes that keep everything but the fixed text, through the real command line: line ends, form feeds, owner,
mode, hard links, read-only files, refused writes, symlinked paths and syntax newer than the running Python."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from tests.frontends.helpers import BUGGY, CLEAN, shapelint

MODEL = "import torch.nn as nn\n\nmodel = nn.Sequential(  # shapelint: input=(B, 4)\n    nn.Linear(4, 8),\n    nn.Linear(16, 2),\n)\n"


def test_the_buggy_model_fails_under_torch() -> None:
    pytest.importorskip("torch", reason="the model runs under torch, which torch-free CI runs lack")
    import torch

    namespace: dict[str, object] = {}
    exec(MODEL, namespace)
    with pytest.raises(RuntimeError):
        namespace["model"](torch.randn(2, 4))  # type: ignore[operator]


@pytest.mark.parametrize(
    "text",
    [
        MODEL.replace("\n", "\r").encode(),
        MODEL.encode() + b"\r",
        b"\x0c" + MODEL.encode(),
        MODEL.replace("    nn.Linear(16", "    \x0cnn.Linear(16").encode(),
        MODEL.replace("\n", "\r\n").encode(),
    ],
    ids=["cr line ends", "last lone cr", "leading form feed", "form feed in an expression", "crlf"],
)
def test_line_ends_and_form_feeds_are_kept_and_directives_read(tmp_path: Path, text: bytes) -> None:
    path = tmp_path / "model.py"
    path.write_bytes(text)
    found = shapelint(str(path))
    assert "SHP100" not in found.stdout and "receives 8 features; Linear at line 4 turns (B, 4)" in found.stdout
    assert shapelint("--fix", str(path)).returncode == 0
    assert path.read_bytes() == text.replace(b"Linear(16", b"Linear(8")


@pytest.mark.skipif(not hasattr(os, "link"), reason="hard links")
def test_hard_links_and_mode_are_kept(tmp_path: Path) -> None:
    path, other = tmp_path / "model.py", tmp_path / "same_model.py"
    path.write_text(BUGGY)
    path.chmod(0o640)
    os.link(path, other)
    assert shapelint("--fix", str(path)).returncode == 0
    assert other.read_text() == CLEAN and os.path.samefile(path, other)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_the_mode_is_kept_when_the_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "model.py"
    path.write_text(BUGGY)
    path.chmod(0o751)
    inode = path.stat().st_ino
    assert shapelint("--fix", str(path)).returncode == 0
    assert path.read_text() == CLEAN and stat.S_IMODE(path.stat().st_mode) == 0o751
    assert path.stat().st_ino != inode  # replaced whole by a rename, as a crash needs


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file to another user needs root")
def test_the_owner_is_kept_when_root_fixes_another_users_file(tmp_path: Path) -> None:
    path = tmp_path / "model.py"
    path.write_text(BUGGY)
    os.chown(path, 12345, 23456)
    assert shapelint("--fix", str(path)).returncode == 0
    status = path.stat()
    assert path.read_text() == CLEAN and (status.st_uid, status.st_gid) == (12345, 23456)


def test_a_read_only_file_is_reported_and_keeps_its_finding(tmp_path: Path) -> None:
    path = tmp_path / "model.py"
    path.write_text(BUGGY)
    path.chmod(0o444)
    result = shapelint("--fix", str(path))
    assert path.read_text() == BUGGY
    assert result.returncode == 1
    assert f"{path}: read-only; not written" in result.stdout
    assert f"{path}:6:15: SHP001" in result.stdout, "a refused write keeps its finding"
    assert "Fixed 0 of 1 finding in 0 files." in result.stderr


def test_a_file_reached_through_two_paths_is_fixed_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "model.py").write_text(BUGGY)
    (tmp_path / "link").symlink_to(tmp_path / "real")
    result = shapelint("--fix", "--jobs", "2", str(tmp_path), str(tmp_path / "link" / "model.py"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "changed on disk" not in result.stdout
    assert "Fixed 1 of 1 finding in 1 file." in result.stderr


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="the type statement is syntax this Python parses")
def test_newer_syntax_is_linted_not_fixed_and_no_error(tmp_path: Path) -> None:
    """libcst reads a ``type`` statement the running Python cannot; the fix, which must be parsed by CPython, is left
    out with a notice, and the finding stays, with no ``[*]``."""
    path = tmp_path / "model.py"
    path.write_text(MODEL.replace("\nmodel", "\ntype Size = int\nmodel"))
    for option in ("--fix", "--diff"):
        result = shapelint(option, str(path))
        assert "error" not in result.stdout
        assert "warning: not fixed: it uses syntax this Python" in result.stderr
    assert shapelint("--diff", str(path)).returncode == 0
    fixed = shapelint("--fix", str(path))
    assert fixed.returncode == 1 and "SHP001 Linear" in fixed.stdout
