"""What a file's analysis read of its project, recorded so that a stored result can be proved still true.

A result depends on more than the file's own text: on the modules its imports resolve to (in the project and in
installed libraries), on the project's files that import it (their code builds and feeds its models), and on the
layout that names them.  While one file is analysed, every question asked of the project is recorded with its
answer; a stored result holds while every question still gets the same answer and every file read still has the
same content.  Nothing is compared by time stamp: a file's content is hashed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from shapelint.source import Skipped, read_source_bytes


def digest(data: bytes) -> str:
    """The content hash results are keyed by."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass
class Dependencies:
    """The questions one file's analysis asked of its project, with their answers.

    ``layout``: the file's package, search roots and the names others import it by (``None``: the analysis never
    looked at the project); ``modules``: each module name looked up and the file it resolved to (``None``: not
    found); ``importers``: the project's files that import the file (``None``: never asked); ``files``: the
    content hash of every file read.
    """

    layout: tuple[str, tuple[str, ...], tuple[str, ...]] | None = None
    modules: dict[str, str | None] = field(default_factory=dict)
    importers: tuple[str, ...] | None = None
    files: dict[str, str] = field(default_factory=dict)

    def read(self, path: str) -> None:
        """Note the content of a file the analysis used."""
        self.files.setdefault(path, file_digest(path))

    def to_json(self) -> dict[str, object]:
        return {
            "layout": None if self.layout is None else [self.layout[0], list(self.layout[1]), list(self.layout[2])],
            "modules": self.modules,
            "importers": None if self.importers is None else list(self.importers),
            "files": self.files,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Dependencies:
        """Raises ``TypeError``/``ValueError``/``KeyError`` for data this did not write."""
        layout, importers = data["layout"], data["importers"]
        modules, files = data["modules"], data["files"]
        if not isinstance(modules, dict) or not isinstance(files, dict):
            raise TypeError("modules and files must be objects")
        return cls(
            None if layout is None else _layout(layout),
            {str(name): None if path is None else str(path) for name, path in modules.items()},
            None if importers is None else _strings(importers),
            {str(path): str(value) for path, value in files.items()},
        )


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError(f"a list was expected, got {value!r}")
    return tuple(map(str, value))


def _layout(value: object) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    if not isinstance(value, list) or len(value) != 3:
        raise TypeError(f"a layout is [package, roots, names], got {value!r}")
    package, roots, names = value
    return str(package), _strings(roots), _strings(names)


_DIGESTS: dict[str, str] = {}
"""Each file's content hash, once per run: many files' results depend on the same module."""


def file_digest(path: str) -> str:
    """The content hash of the file at ``path``, ``""`` when it cannot be read."""
    if path not in _DIGESTS:
        try:
            _DIGESTS[path] = digest(read_source_bytes(path))
        except (OSError, Skipped):
            _DIGESTS[path] = ""
    return _DIGESTS[path]


_RECORDING: list[Dependencies] = []


@contextmanager
def recording() -> Iterator[Dependencies]:
    """Record what the analyses started inside the block read of their project (one file at a time)."""
    dependencies = Dependencies()
    _RECORDING.append(dependencies)
    try:
        yield dependencies
    finally:
        _RECORDING.remove(dependencies)


def current() -> Dependencies | None:
    """The recording in progress, if any."""
    return _RECORDING[-1] if _RECORDING else None


def forget_digests() -> None:
    """Drop the content hashes kept: a new run in the same process must see the files as they are now."""
    _DIGESTS.clear()


def same_content(dependencies: Dependencies) -> bool:
    """Whether every file the analysis read still has the content it had."""
    return all(file_digest(path) == value for path, value in dependencies.files.items())
