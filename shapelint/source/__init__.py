"""The source: parsing (Python files, and notebooks' code cells), node positions, fast tree walks and suppressions.

Everything else in shapelint reads source through this interface, so there
is one position system: :class:`Positions`.  Reading a file imports nothing
heavy; what needs libcst loads on first use, so a run answered from the result
cache never imports it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from shapelint.source.limits import unlimited_int_digits
from shapelint.source.modules import absolute_module
from shapelint.source.notebook import Notebook, NotebookError, notebook_of_cells, read_notebook
from shapelint.source.reading import DEFAULT_MAX_BYTES, Skipped, read_source_bytes
from shapelint.source.speedups import freeze_parsed, paused_collector, trust_parser, trusted_parser

if TYPE_CHECKING:
    from shapelint.source.cache import kept_parse, parse_file
    from shapelint.source.parsing import PARSE_ERRORS, Parsed, describe_parse_error, parse, reparsed, syntax_tree
    from shapelint.source.positions import Positions, Span, source_lines
    from shapelint.source.reparse import Reparser
    from shapelint.source.suppression import Suppressions
    from shapelint.source.walk import children, contains, name_counts, syntax_children

__all__ = [
    "DEFAULT_MAX_BYTES",
    "PARSE_ERRORS",
    "Notebook",
    "NotebookError",
    "Parsed",
    "Positions",
    "Reparser",
    "Skipped",
    "Span",
    "Suppressions",
    "absolute_module",
    "children",
    "contains",
    "describe_parse_error",
    "freeze_parsed",
    "kept_parse",
    "name_counts",
    "notebook_of_cells",
    "parse",
    "parse_file",
    "paused_collector",
    "read_notebook",
    "read_source_bytes",
    "reparsed",
    "source_lines",
    "syntax_children",
    "syntax_tree",
    "trust_parser",
    "trusted_parser",
    "unlimited_int_digits",
]

_LAZY = {
    "kept_parse": "cache",
    "parse_file": "cache",
    "PARSE_ERRORS": "parsing",
    "Parsed": "parsing",
    "describe_parse_error": "parsing",
    "parse": "parsing",
    "reparsed": "parsing",
    "syntax_tree": "parsing",
    "Positions": "positions",
    "Reparser": "reparse",
    "Span": "positions",
    "source_lines": "positions",
    "Suppressions": "suppression",
    "children": "walk",
    "contains": "walk",
    "name_counts": "walk",
    "syntax_children": "walk",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'shapelint.source' has no attribute {name!r}")
    return getattr(import_module(f"shapelint.source.{module}"), name)
