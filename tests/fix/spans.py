"""Hand-made fixes for the fix tests, located by plain text search so they never depend on the checks."""

from __future__ import annotations

import tokenize
from io import BytesIO

from shapelint.judge.diagnostics import Fix


def decode(source: bytes) -> tuple[str, str]:
    """The text and the encoding Python itself would use for ``source``."""
    encoding, _ = tokenize.detect_encoding(BytesIO(source).readline)
    return source.decode(encoding), encoding


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset; lines end at ``\\n`` as in Python's tokenizer."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def fix_at(source: bytes, needle: str, replacement: str, occurrence: int = 0, safe: bool = True) -> Fix:
    """A fix replacing the ``occurrence``-th appearance of ``needle`` in ``source``'s text."""
    text, _ = decode(source)
    offset = -1
    for _ in range(occurrence + 1):
        offset = text.index(needle, offset + 1)
    line, column = _position(text, offset)
    end_line, end_column = _position(text, offset + len(needle))
    return Fix(line, column, end_line, end_column, replacement, safe)


def _offset(text: str, line: int, column: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column - 1


def splice(source: bytes, fixes: list[Fix]) -> bytes:
    """What a perfect fixer produces: only each fix's span changes, re-encoded like the original."""
    text, encoding = decode(source)
    for fix in sorted(fixes, key=lambda f: (f.line, f.column), reverse=True):
        begin = _offset(text, fix.line, fix.column)
        text = text[:begin] + fix.replacement + text[_offset(text, fix.end_line, fix.end_column) :]
    return text.encode(encoding)
