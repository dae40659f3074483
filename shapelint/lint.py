"""The library API: lint a source text, with suppression comments honoured."""

from __future__ import annotations

import ast

import libcst as cst

from shapelint.judge.diagnostics import Diagnostic
from shapelint.source.suppression import unsuppressed

PARSE_ERRORS: tuple[type[BaseException], ...] = (
    cst.ParserSyntaxError,
    SyntaxError,
    UnicodeDecodeError,
    LookupError,
    RecursionError,
)
"""What :func:`lint_source` raises for a source it cannot parse or decode."""


def describe_parse_error(error: BaseException) -> tuple[str, int | None]:
    """A one-line reason and, where known, the line: libcst's syntax errors span several lines."""
    if isinstance(error, cst.ParserSyntaxError):
        return f"syntax error: {error.message}", error.raw_line
    if isinstance(error, SyntaxError):
        return f"syntax error: {error.msg}", error.lineno
    if isinstance(error, RecursionError):
        return "too deeply nested to analyse", None
    if isinstance(error, UnicodeDecodeError):
        return f"cannot decode: {error.reason} at byte {error.start}", None
    return f"cannot decode: {error}", None


class _MaybeNewerSyntax(Exception):
    """CPython refused the source, but not for its nesting: it may be syntax newer than this interpreter."""

    def __init__(self, refused: SyntaxError) -> None:
        super().__init__(refused.msg)
        self.refused = refused


def _guard(source: str | bytes) -> ast.Module:
    """Let CPython's parser reject the source first.

    libcst's native parser segfaults or runs for minutes on deeply nested or
    very long expressions that CPython refuses at once; this costs about a
    tenth of the libcst parse, and the tree serves for statement lines.
    """
    try:
        return ast.parse(source)
    except MemoryError:
        raise RecursionError("too deeply nested") from None
    except ValueError as error:
        raise SyntaxError(str(error)) from None
    except SyntaxError as error:
        if any(word in str(error.msg) for word in ("nested", "too many", "unicode error", "null bytes")):
            raise
        raise _MaybeNewerSyntax(error) from None


def _parse(source: str | bytes, newer_syntax: bool) -> tuple[cst.Module, ast.Module | None]:
    """Both trees; where CPython refuses syntax libcst reads (``def f[T]`` under 3.11), libcst's alone if allowed."""
    try:
        tree: ast.Module | None = _guard(source)
    except _MaybeNewerSyntax as error:
        if not newer_syntax:
            raise error.refused from None
        try:
            return cst.parse_module(source), None
        except cst.ParserSyntaxError:
            raise error.refused from None
    return cst.parse_module(source), tree


def lint_source(source: str | bytes, path: str = "<string>", *, newer_syntax: bool = True) -> list[Diagnostic]:
    """Every unsuppressed finding in ``source``, sorted by position.

    With ``newer_syntax`` off, source the running interpreter cannot parse is
    refused even when libcst reads it: ``--fix`` only writes what CPython parses.

    Raises one of :data:`PARSE_ERRORS` when the source cannot be parsed: ``SyntaxError``, ``libcst.ParserSyntaxError``, ``UnicodeDecodeError``,
    ``LookupError`` (unknown declared encoding) or ``RecursionError``.
    """
    from shapelint.judge.checks import check_module

    module, tree = _parse(source, newer_syntax)
    text = source if isinstance(source, str) else source.decode(module.encoding, errors="replace")
    findings = unsuppressed(check_module(module, path, text, tree), text)
    return sorted(findings, key=lambda d: (d.line, d.column, d.code))
