"""``# noqa``, ``# noqa: SHP001`` and ``# shapelint: ignore`` on a finding's line silence it."""

from __future__ import annotations

import re

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


class Suppressions:
    """The suppression comments of one source text."""

    def __init__(self, text: str) -> None:
        self.lines = source_lines(text)

    def silence(self, line: int, code: str) -> bool:
        """Whether a comment on 1-based ``line`` silences ``code``."""
        return line <= len(self.lines) and _silences(self.lines[line - 1], code)
