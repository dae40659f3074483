"""The library API: lint a source text, with suppression comments honoured."""

from __future__ import annotations

from shapelint.diagnostics import Diagnostic


def lint_source(source: str | bytes, path: str = "<string>") -> list[Diagnostic]:
    """Every finding in ``source``, sorted by position; raises ``libcst.ParserSyntaxError`` on bad syntax."""
    import libcst as cst

    from shapelint.checks import check_module

    module = cst.parse_module(source)
    text = source if isinstance(source, str) else source.decode(module.encoding, errors="replace")
    return sorted(check_module(module, path, text), key=lambda d: (d.line, d.column, d.code))
