"""Atomic, mode-keeping file replacement that refuses to clobber concurrent edits."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path: str, before: bytes, after: bytes) -> str | None:
    """Replace ``path``'s ``before`` content with ``after``; a message instead when that is not safe.

    A temporary file in the same directory is renamed over the target, so a
    crash leaves either the old or the new file, never half of one.  A symlink
    is followed so the link itself survives.
    """
    target = Path(os.path.realpath(path))
    try:
        if target.read_bytes() != before:
            return f"{path}: changed on disk since it was read; not overwritten"
        mode = stat.S_IMODE(target.stat().st_mode)
        _replace(target, after, mode)
    except OSError as error:
        return f"{path}: not written: {error.strerror or error}"
    return None


def _replace(target: Path, content: bytes, mode: int) -> None:
    """Write ``content`` beside ``target`` and rename it over; the temporary file never outlives a failure."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".shapelint")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
