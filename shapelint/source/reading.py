"""Reading a source file without trusting it: only a regular file is read (a FIFO may never end, a device may never
stop giving bytes), and only up to a size the parser can take."""

from __future__ import annotations

import os
import stat

DEFAULT_MAX_BYTES = 5_000_000
"""``max-file-size``: far above any hand-written model file, below what one parse can take on a laptop (libcst's
parser needs about a thousand bytes of memory per source byte)."""


class Skipped(Exception):
    """A file not read, and why, in words for a notice."""


def read_source_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of the regular file at ``path``; raises :class:`Skipped` for anything else, and ``OSError``."""
    status = os.stat(path)
    if not stat.S_ISREG(status.st_mode):
        raise Skipped("skipped: not a regular file")
    if status.st_size > max_bytes:
        size = f"{status.st_size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB limit"
        raise Skipped(f"skipped: {size} (max-file-size)")
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise Skipped("skipped: it grew over the size limit (max-file-size) while it was read")
    return data
