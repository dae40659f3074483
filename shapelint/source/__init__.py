"""The source: parsing (Python files, and notebooks' code cells), node positions, fast tree walks and suppressions.

Everything else in shapelint reads source through this interface, so there
is one position system: :class:`Positions`.
"""

from shapelint.source.cache import kept_parse, parse_file
from shapelint.source.limits import unlimited_int_digits
from shapelint.source.notebook import Notebook, NotebookError, read_notebook
from shapelint.source.parsing import PARSE_ERRORS, Parsed, describe_parse_error, parse, reparsed, syntax_tree
from shapelint.source.positions import Positions, Span, source_lines
from shapelint.source.reading import DEFAULT_MAX_BYTES, Skipped, read_source_bytes
from shapelint.source.speedups import paused_collector, trust_parser, trusted_parser
from shapelint.source.suppression import Suppressions
from shapelint.source.walk import children, contains, name_counts, syntax_children

__all__ = [
    "DEFAULT_MAX_BYTES",
    "PARSE_ERRORS",
    "Notebook",
    "NotebookError",
    "Parsed",
    "Positions",
    "Skipped",
    "Span",
    "Suppressions",
    "children",
    "contains",
    "describe_parse_error",
    "kept_parse",
    "name_counts",
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
