"""Where a file sits in its project: the directory its top package lives in, and its dotted name."""

from __future__ import annotations

import os


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


def search_roots(path: str) -> list[str]:
    """Where the file's imports are looked for before the environment's: its package root, its own directory
    (a script's imports), and the working directory with its ``src/``."""
    root, _ = package_root(path)
    here = os.getcwd()
    candidates = [root, os.path.dirname(os.path.abspath(path)), here, os.path.join(here, "src")]
    return list(dict.fromkeys(c for c in candidates if os.path.isdir(c)))
