"""Writing a fix never loses a byte: atomic, mode-keeping, and never over a file that changed or failed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from shapelint.fix import FileFix, unified_diff, write_fix

BEFORE = b"layer = Linear(256, 10)\n"
AFTER = b"layer = Linear(128, 10)\n"


def result_for(path: Path, before: bytes = BEFORE, after: bytes = AFTER, error: str | None = None) -> FileFix:
    return FileFix(str(path), before, after, (), (), 0, error)


@pytest.fixture
def model(tmp_path: Path) -> Path:
    path = tmp_path / "model.py"
    path.write_bytes(BEFORE)
    return path


def test_writes_the_fix_and_keeps_the_mode(model: Path) -> None:
    model.chmod(0o640)
    assert write_fix(result_for(model)) is None
    assert model.read_bytes() == AFTER
    assert model.stat().st_mode & 0o7777 == 0o640
    assert sorted(p.name for p in model.parent.iterdir()) == ["model.py"]


def test_an_executable_stays_executable(model: Path) -> None:
    model.chmod(0o755)
    write_fix(result_for(model))
    assert model.stat().st_mode & 0o7777 == 0o755


def test_a_file_changed_on_disk_is_not_overwritten(model: Path) -> None:
    model.write_bytes(BEFORE + b"# edited meanwhile\n")
    message = write_fix(result_for(model))
    assert message == f"{model}: changed on disk since it was read; not overwritten"
    assert model.read_bytes() == BEFORE + b"# edited meanwhile\n"


def test_a_failed_fix_is_never_written(model: Path) -> None:
    assert write_fix(result_for(model, after=BEFORE, error="cannot parse: syntax error at 1:1: x")) is None
    assert write_fix(result_for(model, error="fix did not remove SHP001 at 1:9")) is None
    assert model.read_bytes() == BEFORE


def test_an_unchanged_file_is_not_rewritten(model: Path) -> None:
    os.utime(model, ns=(1, 1))
    assert write_fix(result_for(model, after=BEFORE)) is None
    assert model.stat().st_mtime_ns == 1


def test_a_failing_rename_leaves_the_file_and_no_temporary(model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(source: str, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    assert write_fix(result_for(model)) == f"{model}: not written: Permission denied"
    assert model.read_bytes() == BEFORE
    assert sorted(p.name for p in model.parent.iterdir()) == ["model.py"]


def test_an_interrupted_write_leaves_no_temporary(model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_fix(result_for(model))
    assert model.read_bytes() == BEFORE
    assert sorted(p.name for p in model.parent.iterdir()) == ["model.py"]


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    message = write_fix(result_for(tmp_path / "gone.py"))
    assert message == f"{tmp_path / 'gone.py'}: not written: No such file or directory"
    assert list(tmp_path.iterdir()) == []


def test_a_symlink_stays_a_symlink(model: Path) -> None:
    link = model.parent / "link.py"
    link.symlink_to(model.name)
    assert write_fix(result_for(link)) is None
    assert link.is_symlink() and model.read_bytes() == AFTER


def test_diff_has_git_style_headers() -> None:
    diff = unified_diff(FileFix("pkg/model.py", BEFORE, AFTER, (), (), 0, None))
    assert diff == (
        "--- a/pkg/model.py\n+++ b/pkg/model.py\n@@ -1 +1 @@\n"
        "-layer = Linear(256, 10)\n+layer = Linear(128, 10)\n"
    )


def test_diff_decodes_with_the_declared_encoding() -> None:
    header = b"# -*- coding: latin-1 -*-\n# \xe9\n"
    diff = unified_diff(FileFix("m.py", header + BEFORE, header + AFTER, (), (), 0, None))
    assert " # é\n" in diff and "+layer = Linear(128, 10)\n" in diff


def test_diff_marks_a_missing_final_newline() -> None:
    diff = unified_diff(FileFix("m.py", BEFORE.rstrip(), AFTER.rstrip(), (), (), 0, None))
    assert diff.endswith("+layer = Linear(128, 10)\n\\ No newline at end of file\n")


def test_no_change_no_diff() -> None:
    assert unified_diff(FileFix("m.py", BEFORE, BEFORE, (), (), 0, "cannot parse")) == ""
