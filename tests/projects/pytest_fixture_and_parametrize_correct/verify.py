"""The verdict under torch: pytest runs the project's tests in a process of its own, as the project would."""

import subprocess
import sys
from pathlib import Path


def check():
    tests = Path(__file__).with_name("test_model.py")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", "/dev/null", str(tests)]
    result = subprocess.run(command, cwd=tests.parent, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]
