"""The verdict under torch: the script runs in a process of its own, as its user runs it."""

import subprocess
import sys
from pathlib import Path


def check():
    script = Path(__file__).parent / "scripts" / "train.py"
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
