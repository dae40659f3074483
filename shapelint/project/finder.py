"""Finding a module's source by its dotted name, and reading each file once per process."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import cache, partial
from typing import TYPE_CHECKING

from shapelint.project.dependencies import Dependencies, current, forget_digests, same_content
from shapelint.project.importers import MAX_IMPORTERS, forget_indexes, importers, tests_under, users
from shapelint.project.installed import torch_libraries
from shapelint.project.layout import (
    forget_roots,
    module_name,
    names_in,
    namespace_package,
    project_root,
    search_roots,
)
from shapelint.source import Skipped, read_source_bytes

if TYPE_CHECKING:
    from shapelint.evaluator import ModuleSource, Project

MAX_MODULE_BYTES = 1_000_000
"""A module file larger than this is not read: generated code, not a model's building blocks."""

_READ: dict[tuple[str, int, int], ModuleSource | None] = {}
"""Each file read and parsed, by path, modification time and size."""


def project_of(path: str) -> Project:
    """The project the file at ``path`` is evaluated in; a path that is not a file has none.

    Inside :func:`~shapelint.project.dependencies.recording`, what the evaluation asks of the project is recorded.
    """
    from shapelint.evaluator import Project

    if not os.path.isfile(path):
        return Project()
    package, roots, names = layout_of(path)
    finder = ModuleFinder(list(roots))
    candidates = partial(_candidates, project_root(path), names, path)
    recorder = current()
    if recorder is None:
        return Project(package, finder.find, names, partial(_importers, candidates, path, finder))
    recorder.layout = (package, roots, names)
    recorded = partial(_recorded_importers, candidates, path, finder, recorder)
    return Project(package, partial(_recorded_find, finder, recorder), names, recorded)


def still_true(path: str, dependencies: Dependencies) -> bool:
    """Whether every question recorded while the file at ``path`` was analysed gets the same answer now."""
    if dependencies.layout is None:
        return True
    if not os.path.isfile(path) or layout_of(path) != dependencies.layout:
        return False
    _, roots, names = dependencies.layout
    asked = dependencies.importers
    if asked is not None and tuple(_candidates(project_root(path), names, path)) != asked:
        return False
    finder = ModuleFinder(list(roots))
    for importer in users(list(asked or ()), path)[:MAX_IMPORTERS]:
        finder.add_roots(search_roots(importer))
    if any((finder.locate(name) or (None,))[0] != found for name, found in dependencies.modules.items()):
        return False
    return same_content(dependencies)


def layout_of(path: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The file's package, where its imports are looked for, and the names others import it by."""
    _, package = module_name(path)
    package = package or namespace_package(path, project_root(path))
    roots = search_roots(path)
    return package, tuple(roots), names_in(path, roots)


def _recorded_find(finder: ModuleFinder, recorder: Dependencies, name: str) -> ModuleSource | None:
    found = finder.locate(name)
    recorder.modules[name] = None if found is None else found[0]
    if found is None:
        return None
    recorder.read(found[0])
    return _read(name, *found)


def _recorded_importers(
    candidates: Callable[[], list[str]], path: str, finder: ModuleFinder, recorder: Dependencies
) -> list[ModuleSource]:
    found = candidates()
    recorder.importers = tuple(found)
    for candidate in found:
        recorder.read(candidate)
    return _importers(lambda: found, path, finder)


def _importers(candidates: Callable[[], list[str]], path: str, finder: ModuleFinder) -> list[ModuleSource]:
    """The sources of the project's files that import the file at ``path``, each under its own module name; their
    own folders are added to where ``finder`` looks, for the imports they run."""
    found: list[ModuleSource] = []
    for importer in users(candidates(), path):
        name, package = module_name(importer)
        source = _read(name, importer, package == name)
        if source is not None:
            found.append(source)
            finder.add_roots(search_roots(importer))
        if len(found) == MAX_IMPORTERS:
            break
    return found


def _candidates(root: str, names: tuple[str, ...], path: str) -> list[str]:
    """The project's files whose imports reach the file at ``path``; only those that use it are run.

    A file counts only where its own imports would reach this file: ``from model import Net`` in another example's
    folder means that folder's ``model.py``.  A package ``__init__`` that imports the file passes it on: the files
    that import the package count (``from vit_pytorch import ViT`` reaches ``vit_pytorch/vit.py``).  So does a
    helper that imports it (``utils.py``, whose ``get_network(args)`` builds every model of a zoo): the files that
    import the helper come after those that import the file itself.

    The package ``__init__`` files that pass it on come last: they are never run as importers, but a factory they
    define (``models.get_model(name)``) is a helper of the file, as ``utils.get_network`` is.  A ``conftest.py`` is
    imported by pytest, not by name: the tests beside and below it are its importers (a fixture builds the model).
    """
    direct, passing = _importing(root, [(path, names)], [path])
    helpers = [(helper, names_in(helper, search_roots(helper))) for helper in direct[:MAX_IMPORTERS]]
    through_helpers, passing_helpers = _importing(root, helpers, [path, *direct])
    tests = [test for helper, _ in helpers for test in tests_under(helper) if test not in through_helpers]
    return direct + through_helpers + tests + passing + passing_helpers


def _importing(
    root: str, targets: list[tuple[str, tuple[str, ...]]], known: list[str]
) -> tuple[list[str], list[str]]:
    """The files that import one of ``targets`` (each a file and the names it is imported by), ``known`` left out,
    and the package ``__init__`` files among them, whose importers count too."""
    left_out = {os.path.abspath(file) for file in known}
    candidates: list[str] = []
    packages: list[str] = []
    for target, known_as in targets:
        for importer in _reaching(root, known_as, target):
            if os.path.abspath(importer) in left_out or importer in candidates or importer in packages:
                continue
            if os.path.basename(importer) == "__init__.py":
                if len(packages) < MAX_IMPORTERS - 1:
                    packages.append(importer)
                    targets.append((importer, names_in(importer, search_roots(importer))))
                continue
            candidates.append(importer)
    return candidates, packages


def _reaching(root: str, names: tuple[str, ...], path: str) -> list[str]:
    """The files that import one of ``names`` and whose own imports would reach the file at ``path``."""
    own = os.path.abspath(path)
    reaching = []
    for importer, imported in importers(root, names, path):
        finder = ModuleFinder(search_roots(importer))
        if any((finder.locate(name) or ("",))[0] == own for name in imported):
            reaching.append(importer)
    return reaching


class ModuleFinder:
    """Looks a module up in the project's roots, then in the running environment's import path."""

    def __init__(self, roots: list[str]) -> None:
        self.roots = [*roots, *_environment()]
        self.project_roots = len(roots)

    def add_roots(self, roots: list[str]) -> None:
        """Look in ``roots`` too, after the project roots given first: the folders an importer's own imports are
        found from (a training script's ``from dataset import Folder`` beside it in ``scripts/``)."""
        new = [root for root in roots if root not in self.roots[: self.project_roots]]
        self.roots[self.project_roots : self.project_roots] = new
        self.project_roots += len(new)

    def find(self, name: str) -> ModuleSource | None:
        found = self.locate(name)
        return _read(name, *found) if found is not None else None

    def locate(self, name: str) -> tuple[str, bool, bool] | None:
        """The file of module ``name``, whether it is a package's ``__init__``, and whether it is installed (found
        outside the project's roots).

        An installed package counts only when its distribution depends on torch (torchvision, timm): yaml's or
        fsspec's code holds no model, and running it cost more than the models that import it."""
        key = (tuple(self.roots[: self.project_roots]), name)
        if key not in _LOCATED:
            _LOCATED[key] = self._locate(name)
        return _LOCATED[key]

    def _locate(self, name: str) -> tuple[str, bool, bool] | None:
        parts = name.split(".")
        for index, root in enumerate(self.roots):
            if index >= self.project_roots and parts[0] not in _torch_libraries():
                return None
            base = os.path.join(root, *parts)
            for candidate, package in ((os.path.join(base, "__init__.py"), True), (base + ".py", False)):
                if os.path.isfile(candidate):
                    return candidate, package, index >= self.project_roots
        return None


_LOCATED: dict[tuple[tuple[str, ...], str], tuple[str, bool, bool] | None] = {}
"""Each module name's file, by the project roots it was looked up from, once per run."""


def new_run() -> None:
    """Forget what was read of the files in this process: they may have changed since the last run in it."""
    _LOCATED.clear()
    forget_digests()
    forget_indexes()
    forget_roots()


@cache
def _environment() -> tuple[str, ...]:
    """The import path's directories (installed packages), without the working directory Python puts first."""
    return tuple(entry for entry in sys.path if entry and os.path.isdir(entry))


@cache
def _torch_libraries() -> frozenset[str]:
    """The top-level packages of the installed distributions that require torch, once per process."""
    return torch_libraries(_environment())


def _read(name: str, path: str, package: bool, installed: bool = False) -> ModuleSource | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    key = (path, status.st_mtime_ns, status.st_size)
    if key not in _READ:
        _READ[key] = _parse(name, path, package, installed) if status.st_size <= MAX_MODULE_BYTES else None
    return _READ[key]


def _parse(name: str, path: str, package: bool, installed: bool) -> ModuleSource | None:
    from shapelint.evaluator import ModuleSource
    from shapelint.source import PARSE_ERRORS, parse_file

    try:
        parsed = parse_file(path, read_source_bytes(path))
    except (OSError, Skipped):
        return None
    except PARSE_ERRORS:
        return None
    return ModuleSource(name, path, parsed.module, package, installed)
