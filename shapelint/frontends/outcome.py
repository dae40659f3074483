"""What one file gave a run: plain data that crosses process boundaries and the result cache alike."""

from __future__ import annotations

from dataclasses import dataclass

from shapelint.judge import Diagnostic


@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be linted, and why."""

    path: str
    message: str
    line: int | None = None
    cell: int | None = None
    notice: bool = False
    """A file skipped or not fully checked, told on stderr: not an error, so the exit status does not change."""


@dataclass(frozen=True, slots=True)
class FileReport:
    """What one file gave: findings, errors, and in fix mode what changed; ``crash`` holds a traceback."""

    path: str
    diagnostics: tuple[Diagnostic, ...] = ()
    errors: tuple[FileError, ...] = ()
    crash: str | None = None
    fixed: int = 0
    withheld: int = 0
    changed: bool = False
    diff: str = ""
    fixed_text: bytes | None = None
    """The fixed source, for a task that does not write it (standard input)."""
