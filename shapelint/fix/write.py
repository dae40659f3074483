"""File replacement that keeps everything but the text: owner, group, mode and hard links, and refuses to clobber a
concurrent edit or a read-only file.

A file with one name is replaced by renaming a temporary file over it, so a crash leaves the old file or the new one,
never half of one; the temporary file takes the old one's owner, group and mode first, and a file whose owner this
process cannot give it is written in place instead.  A file with several hard links is written in place, so every
name keeps seeing it.  A symlink is followed, so the link itself survives.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def held_signals() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP (a worker's parent died) while a file is written: a signal arrives once the
    write is whole, so an interrupted run never leaves half a file or a temporary one."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def write_atomic(path: str, before: bytes, after: bytes) -> str | None:
    """Replace ``path``'s ``before`` content with ``after``; a message instead when that is not safe."""
    target = Path(os.path.realpath(path))
    try:
        if target.read_bytes() != before:
            return f"{path}: changed on disk since it was read; not overwritten"
        status = target.stat()
        if not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
            return f"{path}: read-only; not written"
        if status.st_nlink > 1 or not _replace(target, after, status):
            _write_in_place(target, after)
    except OSError as error:
        return f"{path}: not written: {error.strerror or error}"
    return None


def _replace(target: Path, content: bytes, status: os.stat_result) -> bool:
    """Write ``content`` beside ``target`` with its owner, group and mode, and rename it over; False, with nothing
    changed, when the owner cannot be kept.  The temporary file never outlives a failure or a signal."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".shapelint")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.chown(temporary, status.st_uid, status.st_gid)
        except PermissionError:
            Path(temporary).unlink(missing_ok=True)
            return False
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def _write_in_place(target: Path, content: bytes) -> None:
    """Overwrite the file itself: its inode, and so its links, owner and mode, stay."""
    with open(target, "r+b") as stream:
        stream.write(content)
        stream.truncate()
        stream.flush()
        os.fsync(stream.fileno())
