"""The library API: lint a source text, with suppression comments honoured."""

from __future__ import annotations

import ast

from shapelint.diagnostics import Diagnostic
from shapelint.suppression import unsuppressed


def _guard(source: str | bytes) -> None:
    """Let CPython's parser reject the source first.

    libcst's native parser segfaults or runs for minutes on deeply nested or
    very long expressions that CPython refuses at once; this costs about a
    tenth of the libcst parse.
    """
    try:
        ast.parse(source)
    except MemoryError:
        raise RecursionError("too deeply nested") from None
    except ValueError as error:
        raise SyntaxError(str(error)) from None


def lint_source(source: str | bytes, path: str = "<string>") -> list[Diagnostic]:
    """Every unsuppressed finding in ``source``, sorted by position.

    Raises one of :data:`shapelint.fix.PARSE_ERRORS` when the source cannot be
    parsed: ``SyntaxError``, ``libcst.ParserSyntaxError``, ``UnicodeDecodeError``,
    ``LookupError`` (unknown declared encoding) or ``RecursionError``.
    """
    import libcst as cst

    from shapelint.checks import check_module

    _guard(source)
    module = cst.parse_module(source)
    text = source if isinstance(source, str) else source.decode(module.encoding, errors="replace")
    findings = unsuppressed(check_module(module, path, text), text)
    return sorted(findings, key=lambda d: (d.line, d.column, d.code))
