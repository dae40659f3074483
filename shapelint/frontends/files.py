"""Which files a run lints: recursive ``*.py`` and ``*.ipynb`` discovery with excludes, and a cheap prefilter."""

from __future__ import annotations

import os
from fnmatch import fnmatch

DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".tox",
    ".nox",
    ".venv",
    "venv",
    ".eggs",
    "__pycache__",
    "__pypackages__",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".ipynb_checkpoints",
    "node_modules",
    "site-packages",
)
"""Folders never walked into; they only apply to folders found while walking, not to named paths."""

LINTED = (".py", ".ipynb")
"""The files a folder walk lints: Python files and Jupyter notebooks, as ruff does."""


def might_hold_model(data: bytes) -> bool:
    """A file without either word cannot define a torch model or a directive, so it is not parsed."""
    return b"torch" in data or b"shapelint" in data


def matches(path: str, patterns: tuple[str, ...], root: str) -> bool:
    """Ruff's rule: a glob matches the base name or the path relative to the config root."""
    if not patterns:
        return False
    relative = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
    name = os.path.basename(path)
    return any(fnmatch(name, pattern) or fnmatch(relative, pattern) for pattern in patterns)


def _walk(top: str, exclude: tuple[str, ...], root: str) -> list[str]:
    """``*.py`` and ``*.ipynb`` under ``top``, following folder symlinks but entering each real folder once."""
    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    for folder, subfolders, names in os.walk(top, followlinks=True):
        stat = os.stat(folder)
        if (stat.st_dev, stat.st_ino) in seen:
            subfolders.clear()
            continue
        seen.add((stat.st_dev, stat.st_ino))
        subfolders[:] = [
            name
            for name in subfolders
            if name not in DEFAULT_EXCLUDE and not matches(os.path.join(folder, name), exclude, root)
        ]
        found.extend(
            os.path.join(folder, name)
            for name in names
            if name.endswith(LINTED) and not matches(os.path.join(folder, name), exclude, root)
        )
    return found


def discover(paths: list[str], exclude: tuple[str, ...] = (), root: str = ".") -> tuple[list[str], list[str]]:
    """Sorted, distinct files to lint, and the named paths that do not exist; a named file is linted whatever its
    extension, as in ruff."""
    found: set[str] = set()
    missing = [path for path in paths if not os.path.lexists(path)]
    for path in paths:
        if path in missing:
            continue
        if matches(path, exclude, root):
            continue
        if os.path.isdir(path):
            found.update(os.path.normpath(file) for file in _walk(path, exclude, root))
        else:
            found.add(os.path.normpath(path))
    return _one_per_file(found), missing


def _one_per_file(paths: set[str]) -> list[str]:
    """Sorted paths, one per real file: a file reached through two symlinked paths is linted (and fixed) once, by
    the first of its names."""
    kept: dict[str, str] = {}
    for path in sorted(paths):
        kept.setdefault(os.path.realpath(path), path)
    return sorted(kept.values())
