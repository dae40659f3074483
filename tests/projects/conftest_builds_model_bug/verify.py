"""The verdict under torch: pytest runs the project's tests in a process of its own, as the project would."""

import subprocess
import sys
from pathlib import Path


def check():
    root = Path(__file__).parent
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", "/dev/null", "tests/test_net.py"]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]
