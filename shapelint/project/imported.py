"""The project's own files a file imports names from, read off its ``ast`` tree without running anything.

The text prefilter skips a file that names no layer, tensor or data set; but a training script that builds the
project's model with a wrong size (``Net(cin=1)`` of a ``model.py``, fed a batch made in ``data.py``) holds the
finding at its own call.  Such a file is evaluated when it calls, with arguments, a name it imports from a project
file that itself may hold a model.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator

from shapelint.project.dependencies import current
from shapelint.project.finder import ModuleFinder, layout_of
from shapelint.source import absolute_module


def imported_files(tree: ast.Module, path: str, wanted: frozenset[str]) -> dict[str, str]:
    """Each name of ``wanted`` that the file at ``path`` imports with ``from ... import`` from a file of its own
    project (installed packages left out), with that file.  Inside :func:`~shapelint.project.recording`, each
    lookup is recorded."""
    imports = [found for found in _from_imports(tree) if found[2] in wanted]
    if not imports or not os.path.isfile(path):
        return {}
    package, roots, names = layout_of(path)
    recorder = current()
    if recorder is not None and recorder.layout is None:
        recorder.layout = (package, roots, names)
    finder = ModuleFinder(list(roots))
    found: dict[str, str] = {}
    for level, written, name, bound in imports:
        module = absolute_module(level, written, package)
        if module is None:
            continue
        file = _project_file(finder, len(roots), f"{module}.{name}") or _project_file(finder, len(roots), module)
        if file is not None:
            found[bound] = file
    return found


def _from_imports(tree: ast.Module) -> Iterator[tuple[int, str, str, str]]:
    """``(level, module as written, name, bound name)`` for each name of each ``from ... import`` in the file."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name != "*":
                    yield node.level, node.module or "", alias.name, alias.asname or alias.name


def _project_file(finder: ModuleFinder, project_roots: int, name: str) -> str | None:
    """The file of module ``name`` when it is in one of the project's roots."""
    located = finder.locate(name)
    file = None if located is None else located[0]
    inside = file is not None and any(file.startswith(os.path.join(root, "")) for root in finder.roots[:project_roots])
    recorder = current()
    if recorder is not None:
        recorder.modules[name] = file
        if file is not None:
            recorder.read(file)
    return file if inside else None
