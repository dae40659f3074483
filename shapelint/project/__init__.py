"""The project around a linted file: where its imports' sources are, read without importing anything.

``project_of(path)`` gives the :class:`~shapelint.evaluator.Project` the
evaluator runs a file in: the package the file belongs to, and a finder that
looks a dotted module name up the way Python's import system would, in the
file's project and then in the running environment's import path.  Within
``recording()``, what the evaluation asked of the project is kept, and
``still_true`` tells later whether every answer still holds (the result cache).
"""

from shapelint.project.dependencies import Dependencies, digest, recording
from shapelint.project.finder import ModuleFinder, new_run, project_of, still_true
from shapelint.project.imported import imported_files

__all__ = [
    "Dependencies",
    "ModuleFinder",
    "digest",
    "imported_files",
    "new_run",
    "project_of",
    "recording",
    "still_true",
]
