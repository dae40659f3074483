"""The project's files that import a given module: their code builds and feeds its models.

Imports are read off each file's text with a pattern, once per process and
project root; nothing is parsed until a file is chosen to run.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict

from shapelint.project.layout import module_name
from shapelint.source import Skipped, absolute_module, read_source_bytes

MAX_IMPORTERS = 4
"""Files run for one linted file; those that use a name it defines go first, then scripts."""
MAX_SCANNED = 3000
_SKIPPED_DIRS = frozenset({"__pycache__", "node_modules", "site-packages", "build", "dist", "venv", "env"})
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(?:\(([\w.,\s]+)\)|([\w., \t]+|\*))|import[ \t]+([\w., \t]+))",
    re.M,
)

_INDEXES: dict[str, dict[str, set[str]]] = {}
"""For each project root: module name → the files that import it."""
_TEXTS: dict[tuple[str, int, int], tuple[str, str]] = {}


def forget_indexes() -> None:
    """Drop the import indexes: a new run in the same process must see the files as they are now."""
    _INDEXES.clear()


def importers(root: str, names: tuple[str, ...], path: str) -> list[tuple[str, list[str]]]:
    """The files under ``root`` that import one of ``names`` (the module ``path`` may be known as), in path
    order, each with the names it imports."""
    index = _INDEXES.get(root)
    if index is None:
        index = _INDEXES[root] = _index(root)
    own = os.path.abspath(path)
    found: dict[str, list[str]] = defaultdict(list)
    for name in names:
        for file in index.get(name, ()):
            if file != own:
                found[file].append(name)
    return sorted(found.items())


def tests_under(conftest: str) -> list[str]:
    """The test modules pytest gives the fixtures of ``conftest`` to: those in its folder and below, in path order;
    nothing for a file that is not a ``conftest.py``."""
    if os.path.basename(conftest) != "conftest.py":
        return []
    folder = os.path.dirname(os.path.abspath(conftest))
    return [
        path
        for path in _python_files(folder)
        if os.path.basename(path).startswith("test_") or path.endswith("_test.py")
    ]


def users(paths: list[str], definer: str) -> list[str]:
    """The files of ``paths`` whose code names something ``definer`` defines, best first; then those that name
    something one of the first defines (a training script calling the ``get_network`` of a helper that imports
    ``definer``).

    Only they can build or feed its models: a training script that imports a whole model zoo with ``*`` and
    builds one model is not run for each of the others (running it once per file made linting a zoo quadratic).
    A name the file defines itself is its own: a training script's ``def test(epoch)`` does not use the ``test``
    of every model file.

    A package ``__init__`` among ``paths`` is never run: what it defines counts as a helper's (a ``get_model`` next
    to ``from .lenet import LeNet``).
    """
    runnable = [path for path in paths if os.path.basename(path) != "__init__.py"]
    direct = _using(runnable, _defined(definer))
    passing = [path for path in paths if path not in runnable]
    helpers = frozenset().union(*(_defined(helper) for helper in direct + passing))
    return direct + _using([path for path in runnable if path not in direct], helpers)


def _using(paths: list[str], defined: frozenset[str]) -> list[str]:
    using = {path: uses for path in paths if (uses := _uses(path, defined))}
    return sorted(using, key=lambda path: _priority(path, using[path]))


_COMMENT = re.compile(r"#.*$", re.M)
_DEFINITION = re.compile(r"^(?:class|def)[ \t]+(\w+)", re.M)
_ASSIGNMENT = re.compile(r"^(\w+)[ \t]*(?::[^=\n]+)?=(?!=)", re.M)


def _defined(path: str) -> frozenset[str]:
    """The names the file defines at the top level with ``class``, ``def`` or an assignment: a registry
    (``MODEL_ZOO = {"net": Net}``) is how a script may reach the file's models without naming them."""
    text = _text(path, code=True)
    return frozenset(_DEFINITION.findall(text)) | frozenset(_ASSIGNMENT.findall(text))


def _uses(path: str, defined: frozenset[str]) -> list[re.Match[str]]:
    """Where the file's code, comments left out, names one of ``defined`` that it does not define itself; the
    group ``call`` is set where the name is called."""
    foreign = defined - _defined(path)
    if not foreign:
        return []
    pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(foreign)))})\b(?P<call>[ \t]*\()?")
    return list(pattern.finditer(_text(path, code=True)))


def _priority(path: str, uses: list[re.Match[str]]) -> tuple[bool, bool, str]:
    """Files that call a name the linted file defines first, then scripts, then by path."""
    calls = any(use.group("call") for use in uses)
    return (not calls, "__main__" not in _text(path), path)


def _text(path: str, code: bool = False) -> str:
    """The file's text, read once per version of the file; with ``code``, without its comments."""
    try:
        status = os.stat(path)
    except OSError:
        return ""
    key = (path, status.st_mtime_ns, status.st_size)
    if key not in _TEXTS:
        try:
            text = read_source_bytes(path).decode("utf-8", errors="replace")
        except (OSError, Skipped):
            return ""
        _TEXTS[key] = (text, _COMMENT.sub("", text))
    return _TEXTS[key][code]


def _index(root: str) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for path in _python_files(root):
        try:
            text = read_source_bytes(path).decode("utf-8", errors="replace")
        except (OSError, Skipped):
            continue
        _, package = module_name(path)
        for name in _imported(text, package):
            index[name].add(path)
    return index


def _python_files(root: str) -> list[str]:
    found: list[str] = []
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith(".") and d not in _SKIPPED_DIRS)
        found.extend(os.path.join(directory, name) for name in sorted(files) if name.endswith(".py"))
        if len(found) >= MAX_SCANNED:
            return found[:MAX_SCANNED]
    return found


def _imported(text: str, package: str) -> set[str]:
    """Every module a file's import lines may name, ``from a import b`` giving ``a`` and ``a.b``."""
    names: set[str] = set()
    for match in _IMPORT.finditer(text):
        source, wrapped, members, modules = match.groups()
        if modules is not None:
            names.update(part.split()[0] for part in modules.split(",") if part.strip())
            continue
        level = len(source) - len(source.lstrip("."))
        base = absolute_module(level, source[level:], package)
        if base is None:
            continue
        names.add(base)
        listed = (wrapped or members).split(",")
        names.update(f"{base}.{part.split()[0]}" if base else part.split()[0] for part in listed if part.strip())
    return names
