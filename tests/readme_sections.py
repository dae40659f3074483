"""The README sections generated from the code: the code examples and the real command outputs.

``python -m tests.readme_sections`` rewrites them; ``tests/test_readme.py``
fails when the README has drifted from what the code really prints.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from shapelint.judge import CODES
from shapelint.lint import lint_source

README = Path(__file__).parent.parent / "README.md"
ROOT = README.parent


def code_table() -> str:
    rows = [f"| {row.code} | {row.name} | {'yes' if row.fixable else 'no'} | {row.summary} |" for row in CODES.values()]
    return "\n".join(["| code | name | fixable | when |", "|------|------|---------|------|", *rows])


def code_examples() -> str:
    parts: list[str] = []
    for row in CODES.values():
        found = "\n".join(f"example.py:{d.line}:{d.column}: {d.code} {d.message}" for d in lint_source(row.invalid))
        fix = f"`shapelint --fix` rewrites `{row.fix[0]}` to `{row.fix[1]}`.\n\n" if row.fix else ""
        parts.append(
            f"### {row.code} {row.name}\n\n{row.summary}.\n\n"
            f"```python\n{row.invalid}```\n\n```\n{found}\n```\n\n{fix}Valid:\n\n```python\n{row.valid}```\n"
        )
    return "\n".join(parts)


def command_output(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "shapelint", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return f"```\n{result.stdout.rstrip()}\n```"


def runtime_summary() -> str:
    """Run the README's runtime quickstart and show what its ``summary()`` prints."""
    snippet = re.search(r"```python\n(import numpy as np.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert snippet, "README lacks the runtime quickstart"
    result = subprocess.run([sys.executable, "-c", snippet.group(1)], capture_output=True, text=True, check=True)
    return f"```\n{result.stdout.rstrip()}\n```"


def sections() -> dict[str, str]:
    return {
        "runtime-summary": runtime_summary(),
        "main-job-output": command_output("examples/"),
        "code-table": code_table(),
        "code-examples": code_examples(),
        "summary-output": command_output("summary", "examples/lenet_fixed.py"),
        "notebook-output": command_output("tests/notebooks/lenet_mnist_bug.ipynb"),
    }


def marked(text: str, name: str) -> str:
    match = re.search(rf"<!-- {name} -->\n(.*?)<!-- /{name} -->", text, re.S)
    assert match, f"README lacks the {name} markers"
    return match.group(1).strip()


def rewrite() -> None:
    text = README.read_text(encoding="utf-8")
    for name, body in sections().items():
        text = re.sub(rf"(<!-- {name} -->\n).*?(<!-- /{name} -->)", lambda m, body=body: f"{m[1]}{body}\n{m[2]}", text, flags=re.S)
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    rewrite()
