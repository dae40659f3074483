"""``shapelint rule SHP001``: a code's explanation and examples, from the code table, as ``ruff rule`` prints them."""

from __future__ import annotations

from shapelint.judge import BY_CODE, Code


def explain(code: str) -> str | None:
    """The text for ``code`` (or its name, ``linear-in-features``); ``None`` when there is no such code."""
    row = BY_CODE.get(code.upper()) or next((r for r in BY_CODE.values() if r.name == code.lower()), None)
    return None if row is None else _text(row)


def _text(row: Code) -> str:
    fix = "Fix: `shapelint --fix` repairs it." if row.fixable else "Fix: none; the finding says what to change."
    parts = [
        f"# {row.name} ({row.code})",
        "",
        row.summary,
        "",
        fix,
        "",
        "## Example",
        "",
        "```python",
        row.invalid.rstrip("\n"),
        "```",
        "",
        "Use instead:",
        "",
        "```python",
        row.valid.rstrip("\n"),
        "```",
    ]
    return "\n".join(parts)


def codes() -> str:
    """Every code with its name, for an unknown code's message."""
    return ", ".join(f"{row.code} ({row.name})" for row in BY_CODE.values())
