"""``# noqa``, ``# noqa: SHP001`` and ``# shapelint: ignore`` on a finding's line silence it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from shapelint.judge.diagnostics import Diagnostic
from shapelint.source.positions import source_lines

_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]*(?:[\s,]+[A-Z]+[0-9]*)*))?", re.IGNORECASE)
_IGNORE = re.compile(r"#\s*shapelint:\s*ignore\b")


def _silences(comment_line: str, code: str) -> bool:
    """Whether the comments on one line silence ``code``; listed codes act as prefixes, like flake8's."""
    if _IGNORE.search(comment_line):
        return True
    match = _NOQA.search(comment_line)
    if match is None:
        return False
    codes = match.group("codes")
    return codes is None or any(code.startswith(prefix.upper()) for prefix in re.split(r"[\s,]+", codes))


def unsuppressed(diagnostics: Iterable[Diagnostic], text: str) -> list[Diagnostic]:
    """The findings that no suppression comment on their own line silences."""
    diagnostics = list(diagnostics)
    if not diagnostics:
        return diagnostics
    lines = source_lines(text)
    return [d for d in diagnostics if not (d.line <= len(lines) and _silences(lines[d.line - 1], d.code))]
