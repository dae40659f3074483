"""Where a file sits in its project: the directory its top package lives in, and its dotted name."""

from __future__ import annotations

import os

from shapelint.project.sys_path import added_folders
from shapelint.source import Skipped, read_source_bytes


def package_root(path: str) -> tuple[str, list[str]]:
    """The directory above the file's outermost package, and the package names down to the file's directory.

    ``src/shop/models/cnn.py`` with ``__init__.py`` in ``shop`` and ``models`` gives ``("src", ["shop", "models"])``.
    """
    directory = os.path.dirname(os.path.abspath(path))
    packages: list[str] = []
    while os.path.isfile(os.path.join(directory, "__init__.py")):
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        packages.insert(0, os.path.basename(directory))
        directory = parent
    return directory, packages


def module_name(path: str) -> tuple[str, str]:
    """The file's dotted module name and the package its relative imports start from."""
    _, packages = package_root(path)
    stem = os.path.splitext(os.path.basename(path))[0]
    package = ".".join(packages)
    if stem == "__init__":
        return package, package
    return ".".join([*packages, stem]), package


def namespace_package(path: str, project: str) -> str:
    """The package a file in a directory without ``__init__.py`` belongs to when the project imports it from its
    root (``model/generator.py`` imported as ``model.generator``, its ``from .res_stack import ...`` then works as
    Python's namespace packages make it), or ``""``."""
    directory = os.path.relpath(os.path.dirname(os.path.abspath(path)), project)
    parts = directory.split(os.sep)
    return ".".join(parts) if directory != "." and all(part.isidentifier() for part in parts) else ""


_MARKERS = (".git", "pyproject.toml", "setup.py", "setup.cfg", "requirements.txt")
_MARKER_DEPTH = 6


_PROJECT_ROOTS: dict[tuple[str, str], str] = {}
"""Each folder's project root, by folder and working directory, once per run: every file of a folder asks."""


def forget_roots() -> None:
    """Drop the roots found: a new run in the same process must see the folders as they are now."""
    _PROJECT_ROOTS.clear()
    _SEARCH_ROOTS.clear()
    _ADDED_ROOTS.clear()


def project_root(path: str) -> str:
    """The directory of the project the file belongs to: the nearest above it holding a repository or packaging
    marker (``.git``, ``pyproject.toml``, ...), else the working directory when the file is under it (where a user
    runs ``shapelint .``), else the file's package root."""
    key = (os.path.dirname(os.path.abspath(path)), os.getcwd())
    if key not in _PROJECT_ROOTS:
        _PROJECT_ROOTS[key] = _project_root(path)
    return _PROJECT_ROOTS[key]


def _project_root(path: str) -> str:
    file = os.path.abspath(path)
    directory = os.path.dirname(file)
    for _ in range(_MARKER_DEPTH):
        if any(os.path.exists(os.path.join(directory, marker)) for marker in _MARKERS):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    here = os.getcwd()
    return here if file.startswith(os.path.join(here, "")) else package_root(path)[0]


_SEARCH_ROOTS: dict[tuple[str, str], list[str]] = {}


def search_roots(path: str) -> list[str]:
    """Where the file's imports are looked for before the environment's: its package root, its own directory
    (a script's imports), the project root and the working directory, each with its ``src/``, then the folders the
    file adds to ``sys.path``."""
    key = (os.path.dirname(os.path.abspath(path)), os.getcwd())
    if key not in _SEARCH_ROOTS:
        _SEARCH_ROOTS[key] = _search_roots(path)
    roots = _SEARCH_ROOTS[key]
    return roots + [folder for folder in _added_to_sys_path(path) if folder not in roots]


_ADDED_ROOTS: dict[str, list[str]] = {}


def _added_to_sys_path(path: str) -> list[str]:
    """The folders the file adds to ``sys.path`` itself, looked in after the others: Python would look there
    first, but a folder shapelint resolved wrongly must not hide a module it finds where it always has."""
    file = os.path.abspath(path)
    if file not in _ADDED_ROOTS:
        try:
            text = read_source_bytes(file).decode("utf-8", errors="replace")
        except (OSError, Skipped):
            text = ""
        _ADDED_ROOTS[file] = added_folders(file, text) if "sys.path" in text else []
    return _ADDED_ROOTS[file]


def _search_roots(path: str) -> list[str]:
    root, _ = package_root(path)
    project, here = project_root(path), os.getcwd()
    candidates = [root, os.path.dirname(os.path.abspath(path))]
    candidates += [project, os.path.join(project, "src"), here, os.path.join(here, "src")]
    return list(dict.fromkeys(c for c in candidates if os.path.isdir(c)))


def names_in(path: str, roots: list[str]) -> tuple[str, ...]:
    """The dotted names other files may import the file by: its path from each root, where that is a name."""
    target = os.path.splitext(os.path.abspath(path))[0]
    names: list[str] = []
    for root in roots:
        relative = os.path.relpath(target, root)
        parts = relative.split(os.sep)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts and all(part.isidentifier() for part in parts):
            names.append(".".join(parts))
    return tuple(dict.fromkeys(names))
