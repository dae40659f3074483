"""``shapelint summary`` through its real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shapelint", "summary", *args], cwd=ROOT, capture_output=True, text=True)


def test_json_summary_of_a_named_module() -> None:
    result = _run("tests/corpus/module/tutorial_cnn_correct.py:Net", "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["input_shape"] == ["B", 3, 32, 32]
    assert payload["layers"][-1] == {"name": "fc3", "type": "Linear", "output_shape": ["B", 10], "params": 850}
    assert payload["total_params"] == 62006


def test_summary_never_imports_torch(tmp_path: Path) -> None:
    probe = "import sys; from shapelint.frontends.cli import main; main(['summary', 'examples/lenet_fixed.py']); "
    probe += "assert 'torch' not in sys.modules and 'numpy' not in sys.modules"
    subprocess.run([sys.executable, "-c", probe], cwd=ROOT, check=True, capture_output=True)


def test_bad_targets_are_usage_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("def (:\n")
    for target in ("missing.py", "examples/lenet_fixed.py:nope", str(broken)):
        result = _run(target)
        assert result.returncode == 2 and result.stderr.startswith("shapelint summary: error:"), result.stderr
