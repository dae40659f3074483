"""The installed packages worth following: those whose distribution requires torch (torchvision, timm).

Read straight off the ``*.dist-info`` and ``*.egg-info`` directories of the import path, as
``importlib.metadata`` finds them: importing it and walking its distribution objects took a fifth of a run whose
every result the cache holds.
"""

from __future__ import annotations

import os
import re

_TORCH_REQUIREMENT = re.compile(r"torch\s*(?:$|[<>=!~;(\[ ])")
_TORCH_REQUIRED = re.compile(r"^Requires-Dist:[ \t]*torch[ \t]*(?:$|[<>=!~;(\[ ])", re.M | re.I)
_RECORDED_PATH = re.compile(r'^(?:"((?:[^"]|"")*)"|([^,\n]*))', re.M)


def torch_libraries(directories: tuple[str, ...]) -> frozenset[str]:
    """The top-level packages the distributions installed in ``directories`` put there, for those requiring torch."""
    found: set[str] = set()
    for directory in directories:
        for info in _metadata_directories(directory):
            if _requires_torch(info):
                found |= _top_levels(info)
    return frozenset(found)


def _metadata_directories(directory: str) -> list[str]:
    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return []
    found = [os.path.join(directory, name) for name in names if name.endswith((".dist-info", ".egg-info"))]
    return [path for path in found if os.path.isdir(path)]


def _requires_torch(info: str) -> bool:
    """``Requires-Dist: torch...`` in a wheel's metadata; a requirement line of an egg's ``requires.txt``."""
    metadata = _read(info, "METADATA")
    if metadata is not None:
        return _TORCH_REQUIRED.search(metadata) is not None
    requires = (_read(info, "requires.txt") or "").splitlines()
    return any(_TORCH_REQUIREMENT.match(line.strip()) for line in requires if not line.startswith("["))


def _top_levels(info: str) -> set[str]:
    """What ``top_level.txt`` declares; without it, the first part of each ``.py`` file the ``RECORD`` lists."""
    declared = (_read(info, "top_level.txt") or "").split()
    if declared:
        return set(declared)
    record = _read(info, "RECORD") or ""
    tops = set()
    for quoted, plain in _RECORDED_PATH.findall(record):
        path = quoted.replace('""', '"') if quoted else plain
        if path.endswith(".py"):
            first, _, rest = path.partition("/")
            tops.add(first if rest else first[:-3])
    return tops


def _read(info: str, name: str) -> str | None:
    try:
        with open(os.path.join(info, name), encoding="utf-8", errors="replace") as file:
            return file.read()
    except OSError:
        return None
