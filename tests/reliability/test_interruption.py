"""Ctrl-C and SIGTERM on real process trees: the run stops, no file is half written, no temporary file is left,
no worker outlives the run, what was fixed is reported, and the exit status is 130 or 143."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.frontends.helpers import BUGGY, CLEAN

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups and these signals are POSIX")

FILES = 150


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "models"
    folder.mkdir()
    for index in range(FILES):
        (folder / f"model_{index:03}.py").write_text(BUGGY)
    return folder


def _start(folder: Path, jobs: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "shapelint", "--fix", "--jobs", jobs, str(folder)]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True, env=env)


def _wait_for_a_fix(folder: Path, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if any(path.read_text() == CLEAN for path in folder.glob("*.py")):
            return
        time.sleep(0.05)
    pytest.fail("no file was fixed before the deadline, or the run ended first")


def _group_gone(group: int) -> bool:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def _on_disk(folder: Path) -> tuple[int, int, list[str]]:
    """Files fixed and files as they were; anything else (a half-written file, a temporary file) by name."""
    texts = {path.name: path.read_text() for path in folder.iterdir()}
    fixed = sum(text == CLEAN for text in texts.values())
    untouched = sum(text == BUGGY for text in texts.values())
    return fixed, untouched, [name for name, text in texts.items() if text not in (CLEAN, BUGGY)]


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(("signum", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["SIGINT", "SIGTERM"])
def test_a_signal_stops_the_run_cleanly_and_reports_what_was_fixed(
    tmp_path: Path, jobs: str, signum: int, status: int
) -> None:
    folder = _folder(tmp_path)
    process = _start(folder, jobs)
    _wait_for_a_fix(folder, process)
    if signum == signal.SIGINT:
        os.killpg(process.pid, signum)  # Ctrl-C reaches the whole foreground group
    else:
        os.kill(process.pid, signum)  # a service manager or a CI runner signals the parent alone
    _, err = process.communicate(timeout=120)
    assert process.returncode == status, err
    assert _group_gone(process.pid), "a worker process outlived the run"
    fixed, untouched, other = _on_disk(folder)
    assert other == [] and fixed + untouched == FILES
    assert 0 < fixed < FILES, "the run was not stopped part way"
    reported = re.search(r"Fixed (\d+) of \d+ findings? in (\d+) files?\.", err)
    assert reported is not None and int(reported.group(2)) == fixed, err
    assert f"interrupted by {signal.Signals(signum).name}" in err
    assert "Traceback" not in err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers learn of their parent's death on Linux")
def test_workers_end_with_a_parent_killed_outright(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    process = _start(folder, "2")
    _wait_for_a_fix(folder, process)
    process.kill()
    process.communicate(timeout=60)
    assert _group_gone(process.pid), "a worker process outlived its parent"
    _, _, other = _on_disk(folder)
    assert other == []
