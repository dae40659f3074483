"""Each file parsed once per run: the lint of a file and the imports of the files that import it share its tree.

A whole-project run lints a model file and runs it again as an import of its training script; parsing it twice
was a fifth of the run.  The cache holds the most recent trees up to a bound on their source size, since a tree
takes about ninety times its source in memory.
"""

from __future__ import annotations

import ast
import os
from collections import OrderedDict

from shapelint.source.parsing import Parsed, parse

MAX_CACHED_SOURCE = 2_000_000
"""Bytes of source whose trees are kept (about 180 MB of trees)."""


class _Recent:
    """The most recently parsed files, by absolute path, with their content and tree."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.size = 0
        self.kept: OrderedDict[str, tuple[bytes, Parsed]] = OrderedDict()

    def get(self, key: str, data: bytes) -> Parsed | None:
        kept = self.kept.get(key)
        if kept is None or kept[0] != data:
            return None
        self.kept.move_to_end(key)
        return kept[1]

    def put(self, key: str, data: bytes, parsed: Parsed) -> None:
        old = self.kept.pop(key, None)
        self.size += len(data) - (len(old[0]) if old is not None else 0)
        self.kept[key] = (data, parsed)
        while self.size > self.budget and len(self.kept) > 1:
            _, (source, _) = self.kept.popitem(last=False)
            self.size -= len(source)


_RECENT = _Recent(MAX_CACHED_SOURCE)


def kept_parse(path: str, data: bytes) -> Parsed | None:
    """The trees of the file at ``path`` with content ``data`` if they are kept: a file imported before it is
    linted needs neither of its parses again."""
    return _RECENT.get(os.path.abspath(path), data)


def parse_file(path: str, data: bytes, tree: ast.Module | None = None) -> Parsed:
    """:func:`parse` of ``data``, the content of the file at ``path`` (``tree``: its syntax tree, if made already);
    raises what it raises."""
    parsed = kept_parse(path, data)
    if parsed is None:
        parsed = parse(data, tree=tree)
        _RECENT.put(os.path.abspath(path), data, parsed)
    return parsed
