"""Shared inputs and runners for the front-end tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from shapelint.judge import CODES

BUGGY = CODES["linear-in-features"].invalid
"""The canonical SHP001 example: one finding, at line 6, safely fixable."""

CLEAN = CODES["linear-in-features"].valid

SARIF_SCHEMA = Path(__file__).with_name("sarif-schema-2.1.0.json")


def shapelint(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real command line, as a user or pre-commit runs it."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "shapelint", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


def validate_sarif(text: str) -> dict[str, object]:
    """Parse SARIF output and check it against the official OASIS 2.1.0 schema."""
    import jsonschema

    document = json.loads(text)
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text())).validate(document)
    return document
