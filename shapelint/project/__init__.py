"""The project around a linted file: where its imports' sources are, read without importing anything.

``project_of(path)`` gives the :class:`~shapelint.evaluator.Project` the
evaluator runs a file in: the package the file belongs to, and a finder that
looks a dotted module name up the way Python's import system would, in the
file's project and then in the running environment's import path.
"""

from shapelint.project.finder import ModuleFinder, project_of

__all__ = ["ModuleFinder", "project_of"]
