"""Finding a module's source by its dotted name, and reading each file once per process."""

from __future__ import annotations

import os
import re
import sys
from functools import cache, partial

from shapelint.evaluator import ModuleSource, Project
from shapelint.project.importers import MAX_IMPORTERS, importers, users
from shapelint.project.layout import module_name, names_in, namespace_package, project_root, search_roots
from shapelint.source import PARSE_ERRORS, Skipped, parse_file, read_source_bytes

MAX_MODULE_BYTES = 1_000_000
"""A module file larger than this is not read: generated code, not a model's building blocks."""

_READ: dict[tuple[str, int, int], ModuleSource | None] = {}
"""Each file read and parsed, by path, modification time and size."""


def project_of(path: str) -> Project:
    """The project the file at ``path`` is evaluated in; a path that is not a file has none."""
    if not os.path.isfile(path):
        return Project()
    _, package = module_name(path)
    package = package or namespace_package(path, project_root(path))
    roots = search_roots(path)
    finder = ModuleFinder(roots)
    names = names_in(path, roots)
    return Project(package, finder.find, names, partial(_importers, project_root(path), names, path))


def _importers(root: str, names: tuple[str, ...], path: str) -> list[ModuleSource]:
    """The sources of the project's files that import the file at ``path``, each under its own module name.

    A file counts only where its own imports would reach this file: ``from model import Net`` in another example's
    folder means that folder's ``model.py``.  A package ``__init__`` that imports the file passes it on: the files
    that import the package count (``from vit_pytorch import ViT`` reaches ``vit_pytorch/vit.py``).
    """
    candidates: list[str] = []
    targets = [(path, names)]
    for target, known_as in targets:
        for importer in _reaching(root, known_as, target, path):
            if os.path.abspath(importer) == os.path.abspath(path) or importer in candidates:
                continue
            if os.path.basename(importer) == "__init__.py":
                if len(targets) < MAX_IMPORTERS:
                    targets.append((importer, names_in(importer, search_roots(importer))))
                continue
            candidates.append(importer)
    found: list[ModuleSource] = []
    for importer in users(candidates, path):
        name, package = module_name(importer)
        source = _read(name, importer, package == name)
        if source is not None:
            found.append(source)
        if len(found) == MAX_IMPORTERS:
            break
    return found


def _reaching(root: str, names: tuple[str, ...], path: str, definer: str) -> list[str]:
    """The files that import one of ``names`` and whose own imports would reach the file at ``path``."""
    own = os.path.abspath(path)
    reaching = []
    for importer, imported in importers(root, names, path, definer):
        finder = ModuleFinder(search_roots(importer))
        if any((finder.locate(name) or ("",))[0] == own for name in imported):
            reaching.append(importer)
    return reaching


class ModuleFinder:
    """Looks a module up in the project's roots, then in the running environment's import path."""

    def __init__(self, roots: list[str]) -> None:
        self.roots = [*roots, *_environment()]
        self.project_roots = len(roots)

    def find(self, name: str) -> ModuleSource | None:
        found = self.locate(name)
        return _read(name, *found) if found is not None else None

    def locate(self, name: str) -> tuple[str, bool] | None:
        """The file of module ``name``, and whether it is a package's ``__init__``.

        An installed package counts only when its distribution depends on torch (torchvision, timm): yaml's or
        fsspec's code holds no model, and running it cost more than the models that import it."""
        parts = name.split(".")
        for index, root in enumerate(self.roots):
            if index >= self.project_roots and parts[0] not in _torch_libraries():
                return None
            base = os.path.join(root, *parts)
            for candidate, package in ((os.path.join(base, "__init__.py"), True), (base + ".py", False)):
                if os.path.isfile(candidate):
                    return candidate, package
        return None


@cache
def _environment() -> tuple[str, ...]:
    """The import path's directories (installed packages), without the working directory Python puts first."""
    return tuple(entry for entry in sys.path if entry and os.path.isdir(entry))


@cache
def _torch_libraries() -> frozenset[str]:
    """The top-level packages of the installed distributions that require torch."""
    from importlib import metadata

    dependent = {
        _normalised(dist.metadata["Name"])
        for dist in metadata.distributions()
        if any(_TORCH_REQUIREMENT.match(requirement) for requirement in dist.requires or ())
    }
    return frozenset(
        top
        for top, dists in metadata.packages_distributions().items()
        if any(_normalised(dist) in dependent for dist in dists)
    )


_TORCH_REQUIREMENT = re.compile(r"torch\s*(?:$|[<>=!~;(\[ ])")


def _normalised(distribution: str) -> str:
    return distribution.lower().replace("_", "-")


def _read(name: str, path: str, package: bool) -> ModuleSource | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    key = (path, status.st_mtime_ns, status.st_size)
    if key not in _READ:
        _READ[key] = _parse(name, path, package) if status.st_size <= MAX_MODULE_BYTES else None
    return _READ[key]


def _parse(name: str, path: str, package: bool) -> ModuleSource | None:
    try:
        parsed = parse_file(path, read_source_bytes(path))
    except (OSError, Skipped):
        return None
    except PARSE_ERRORS:
        return None
    return ModuleSource(name, path, parsed.module, package)
