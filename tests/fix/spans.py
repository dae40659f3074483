"""Hand-made fixes for the fix tests, located by plain text search so they never depend on the checks.

Fixes are applied to the node they name; these tests find that node with
libcst's own ``PositionProvider``, an oracle independent of shapelint's positions.
"""

from __future__ import annotations

import tokenize
from collections.abc import Sequence
from io import BytesIO

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from shapelint.fix import replace_nodes
from shapelint.judge import Fix


def decode(source: bytes) -> tuple[str, str]:
    """The text and the encoding Python itself would use for ``source``."""
    encoding, _ = tokenize.detect_encoding(BytesIO(source).readline)
    return source.decode(encoding), encoding


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset; lines end at ``\\n`` as in Python's tokenizer."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def fix_at(source: bytes, needle: str, replacement: str, occurrence: int = 0, safe: bool = True) -> Fix:
    """A fix replacing the ``occurrence``-th appearance of ``needle`` in ``source``'s text."""
    text, _ = decode(source)
    offset = -1
    for _ in range(occurrence + 1):
        offset = text.index(needle, offset + 1)
    line, column = _position(text, offset)
    end_line, end_column = _position(text, offset + len(needle))
    return Fix(line, column, end_line, end_column, replacement, safe)


def _offset(text: str, line: int, column: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column - 1


def splice(source: bytes, fixes: list[Fix]) -> bytes:
    """What a perfect fixer produces: only each fix's span changes, re-encoded like the original."""
    text, encoding = decode(source)
    for fix in sorted(fixes, key=lambda f: (f.line, f.column), reverse=True):
        begin = _offset(text, fix.line, fix.column)
        text = text[:begin] + fix.replacement + text[_offset(text, fix.end_line, fix.end_column) :]
    return text.encode(encoding)


def expression_at(wrapper: MetadataWrapper, fix: Fix) -> cst.BaseExpression:
    """The expression whose syntactic range is exactly ``fix``'s; ``LookupError`` when there is none."""
    wanted = ((fix.line, fix.column - 1), (fix.end_line, fix.end_column - 1))
    for node, where in wrapper.resolve(PositionProvider).items():
        span = ((where.start.line, where.start.column), (where.end.line, where.end.column))
        if isinstance(node, cst.BaseExpression) and span == wanted:
            return node
    raise LookupError(f"no expression at {fix.line}:{fix.column}-{fix.end_line}:{fix.end_column}")


def apply(source: bytes, fixes: Sequence[Fix]) -> bytes:
    """``source`` with each fix applied to the expression at its range, in one pass."""
    wrapper = MetadataWrapper(cst.parse_module(source), unsafe_skip_copy=True)
    pairs = [(expression_at(wrapper, fix), fix.replacement) for fix in fixes]
    module, _ = replace_nodes(wrapper.module, pairs)
    return module.bytes
