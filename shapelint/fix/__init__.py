"""Fixes: each finding's fix replaces its node, all of a file's in one libcst pass, verified by checking again.

``fix_source`` and ``fix_bytes`` fix text; ``write_fix`` and ``unified_diff``
write or show the result.
"""

from shapelint.fix.output import unified_diff, write_fix
from shapelint.fix.replace import FixError, replace_nodes
from shapelint.fix.rounds import FileFix, Wanted, fix_bytes, fix_source

__all__ = ["FileFix", "FixError", "Wanted", "fix_bytes", "fix_source", "replace_nodes", "unified_diff", "write_fix"]
