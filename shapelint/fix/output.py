"""Showing and writing a file's fix: a unified diff, or an atomic write."""

from __future__ import annotations

import difflib
import tokenize
from io import BytesIO
from pathlib import PurePath

from shapelint.fix.rounds import FileFix
from shapelint.fix.write import held_signals, write_atomic


def write_fix(result: FileFix) -> str | None:
    """Write a successful fix atomically; a message when the file was left alone for a reason the user must know."""
    if result.error is not None or result.after == result.before:
        return None
    with held_signals():
        return write_atomic(result.path, result.before, result.after)


def _decode(source: bytes) -> str:
    encoding, _ = tokenize.detect_encoding(BytesIO(source).readline)
    return source.decode(encoding)


def unified_diff(result: FileFix) -> str:
    """The change as a unified diff with ``a/`` and ``b/`` headers; empty when nothing changed."""
    if result.after == result.before:
        return ""
    name = PurePath(result.path).as_posix().lstrip("/")
    lines = difflib.unified_diff(
        _decode(result.before).splitlines(keepends=True),
        _decode(result.after).splitlines(keepends=True),
        fromfile=f"a/{name}",
        tofile=f"b/{name}",
    )
    return "".join(line if line.endswith(("\n", "\r")) else f"{line}\n\\ No newline at end of file\n" for line in lines)
