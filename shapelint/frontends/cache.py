"""Results kept between runs in ``.shapelint_cache/``, as ruff keeps ``.ruff_cache/``.

One entry per linted file holds its findings before any selection (so changing ``--select`` keeps the cache),
keyed by the working directory, the file's path and content, shapelint's own code and the Python version.  An
entry also holds what the analysis read of the project (see
:mod:`shapelint.project.dependencies`); it is used only while all of that is unchanged, so an edit re-analyses
the edited file and the files whose results depend on it; the import path needs no key of its own, since every
module lookup is asked again.  Entries are JSON behind a checksum: one that is
corrupt, unreadable or from another environment is ignored and rewritten, never trusted.  Writes are atomic.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass
from functools import cache

from shapelint import __version__
from shapelint.frontends.outcome import FileError, FileReport
from shapelint.frontends.report import jsonable
from shapelint.judge import Diagnostic, Fix
from shapelint.project import Dependencies, digest, still_true

DIRECTORY = ".shapelint_cache"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by shapelint.\n"
_MARKERS = {".gitignore": "# Automatically created by shapelint.\n*\n", "CACHEDIR.TAG": _TAG}


class CacheError(ValueError):
    """A directory ``shapelint clean`` will not remove: it is not a shapelint cache."""


@dataclass(frozen=True, slots=True)
class ResultCache:
    """The cache directory and the key of the environment its entries must have been made in."""

    directory: str
    environment: str

    def load(self, path: str, data: bytes) -> FileReport | None:
        """The stored report for the file at ``path`` with content ``data``, if it still holds."""
        try:
            with open(self._entry(path), "rb") as stream:
                checksum, _, body = stream.read().partition(b"\n")
            if digest(body) != checksum.decode("ascii"):
                return None
            entry = json.loads(body)
            if entry["environment"] != self.environment or entry["source"] != digest(data):
                return None
            if not still_true(path, Dependencies.from_json(entry["dependencies"])):
                return None
            return _report(path, entry)
        except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def store(self, path: str, data: bytes, report: FileReport, dependencies: Dependencies) -> None:
        """Keep ``report``; a cache that cannot be written is only slower, never an error."""
        entry = {
            "environment": self.environment,
            "source": digest(data),
            "dependencies": dependencies.to_json(),
            "diagnostics": [_diagnostic_json(d) for d in report.diagnostics],
            "errors": [asdict(error) for error in report.errors],
        }
        body = json.dumps(entry, separators=(",", ":")).encode("utf-8")
        try:
            _prepare(self.directory)
            _write_atomically(self._entry(path), digest(body).encode("ascii") + b"\n" + body)
        except OSError:
            pass

    def _entry(self, path: str) -> str:
        return os.path.join(self.directory, __version__, digest(f"{os.getcwd()}\0{path}".encode()) + ".json")


def result_cache(directory: str) -> ResultCache:
    return ResultCache(os.path.abspath(directory), environment_key())


@cache
def environment_key() -> str:
    """What every result depends on besides the file and its project: shapelint's code and the interpreter (which
    syntax parses)."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parts = [__version__, sys.version]
    for folder, subfolders, names in os.walk(package):
        subfolders.sort()
        for name in sorted(n for n in names if n.endswith(".py")):
            with open(os.path.join(folder, name), "rb") as stream:
                parts.append(f"{name}:{digest(stream.read())}")
    return digest("\0".join(parts).encode("utf-8"))


def clean(directory: str) -> bool:
    """Remove the cache directory; false when there is none.  Raises :class:`CacheError` for a directory that is
    not a shapelint cache (a mistyped ``--cache-dir`` must not delete a user's folder)."""
    if not os.path.lexists(directory):
        return False
    tag = os.path.join(directory, "CACHEDIR.TAG")
    try:
        with open(tag, encoding="utf-8") as stream:
            tagged = stream.read() == _TAG
    except OSError:
        tagged = False
    if not tagged or os.path.islink(directory):
        raise CacheError(f"{directory} is not a shapelint cache (no shapelint CACHEDIR.TAG); not removed")
    import shutil  # only ``shapelint clean`` needs it: a cached run's imports are most of its time

    shutil.rmtree(directory)
    return True


def _prepare(directory: str) -> None:
    """The directory with its version folder, its ``.gitignore`` (git leaves it out) and ``CACHEDIR.TAG`` (backup
    tools leave it out)."""
    os.makedirs(os.path.join(directory, __version__), exist_ok=True)
    for name, text in _MARKERS.items():
        marker = os.path.join(directory, name)
        if not os.path.exists(marker):
            _write_atomically(marker, text.encode("utf-8"))


def _write_atomically(target: str, data: bytes) -> None:
    """A reader sees the old file or the new one, never part of one; the mode is the umask's, as for any file."""
    temporary = os.path.join(os.path.dirname(target), f".{os.getpid()}.{os.urandom(6).hex()}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def _diagnostic_json(diagnostic: Diagnostic) -> dict[str, object]:
    fields = asdict(diagnostic)
    fields["expected"], fields["found"] = jsonable(diagnostic.expected), jsonable(diagnostic.found)
    return fields


def _report(path: str, entry: dict[str, object]) -> FileReport:
    diagnostics, errors = entry["diagnostics"], entry["errors"]
    if not isinstance(diagnostics, list) or not isinstance(errors, list):
        raise TypeError("diagnostics and errors must be lists")
    return FileReport(
        path,
        tuple(_diagnostic(fields) for fields in diagnostics),
        tuple(FileError(**fields) for fields in errors),
    )


def _diagnostic(fields: dict[str, object]) -> Diagnostic:
    fix = fields.pop("fix")
    return Diagnostic(**fields, fix=None if fix is None else Fix(**fix))  # type: ignore[arg-type]
