"""Parsing a file into both trees: libcst's, which the analysis walks and fixes rewrite, and ``ast``'s.

CPython's parser runs first: it refuses at once what libcst's native parser
would crash or spend minutes on, and its tree gives statement lines cheaply.
"""

from __future__ import annotations

import ast
import contextlib
import sys
from dataclasses import dataclass

import libcst as cst

PARSE_ERRORS: tuple[type[BaseException], ...] = (
    cst.ParserSyntaxError,
    SyntaxError,
    UnicodeDecodeError,
    RecursionError,
)
"""What :func:`parse` raises for a source it cannot parse or decode.  An unknown declared encoding is a
``SyntaxError``, as CPython says it; a ``LookupError`` is not among these, so an ``IndexError`` or ``KeyError`` of
the analysis is reported as the internal error it is, never as a file that cannot be decoded."""


@dataclass(frozen=True)
class Parsed:
    """One source: its libcst module, its ``ast`` tree (``None`` for syntax newer than this Python), and its text."""

    module: cst.Module
    tree: ast.Module | None
    text: str


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
        if sys.version_info < (3, 11):
            _refuse_too_deep(source)
        tree = ast.parse(source)
    except MemoryError:
        raise RecursionError("too deeply nested") from None
    except ValueError as error:
        raise SyntaxError(str(error)) from None
    except SyntaxError as error:
        if any(word in str(error.msg) for word in ("nested", "too many", "unicode error", "null bytes")):
            raise
        raise _MaybeNewerSyntax(error) from None
    return tree


def _refuse_too_deep(source: str | bytes) -> None:
    """Python 3.10's ``ast.parse`` overflows the C stack on a 200,000-term sum, where 3.11 raises RecursionError;
    3.10's compiler raises it at the same depth as 3.11's parser, so it is asked first (its other refusals,
    ``return`` outside a function and the like, are not syntax errors to ``ast`` and are left to it)."""
    with contextlib.suppress(SyntaxError, ValueError):
        compile(source, "<shapelint>", "exec", dont_inherit=True)


def syntax_tree(source: str | bytes) -> ast.Module | None:
    """CPython's tree of the source, the guard :func:`parse` runs first; ``None`` for syntax only libcst may read.

    Raises one of :data:`PARSE_ERRORS`.
    """
    try:
        return _guard(source)
    except _MaybeNewerSyntax:
        return None


def parse(source: str | bytes, *, newer_syntax: bool = True, tree: ast.Module | None = None) -> Parsed:
    """Both trees and the text; where CPython refuses syntax libcst reads (``def f[T]`` under 3.11), libcst's alone.

    With ``newer_syntax`` off, such a source is refused too: ``--fix`` only writes what CPython parses.
    ``tree``: the source's :func:`syntax_tree`, when the caller has it already.
    Raises one of :data:`PARSE_ERRORS`.
    """
    if tree is None:
        try:
            tree = _guard(source)
        except _MaybeNewerSyntax as error:
            if not newer_syntax:
                raise error.refused from None
            try:
                module = cst.parse_module(source)
            except cst.ParserSyntaxError:
                raise error.refused from None
            return Parsed(module, None, _text(source, module))
    module = cst.parse_module(source)
    return Parsed(module, tree, _text(source, module))


def reparsed(module: cst.Module, as_bytes: bool) -> Parsed:
    """A module built by a rewrite, with the ``ast`` tree of its code, as :func:`parse` would give it without
    re-parsing.

    ``as_bytes``: the original source was bytes, so its encoding (and any BOM) counts.  Syntax CPython refuses is
    refused, as with ``newer_syntax`` off.
    """
    source: str | bytes = module.bytes if as_bytes else module.code
    try:
        tree = _guard(source)
    except _MaybeNewerSyntax as error:
        raise error.refused from None
    return Parsed(module, tree, _text(source, module))


def _text(source: str | bytes, module: cst.Module) -> str:
    if isinstance(source, str):
        return source
    try:
        return source.decode(module.encoding, errors="replace")
    except LookupError:
        raise SyntaxError(f"unknown encoding: {module.encoding}") from None
